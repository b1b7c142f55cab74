package kiosk.orders.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiosk.shared.json.Json;
import kiosk.shared.log.Log;

/**
 * One SQS batch of order announcements (see OrderAnnouncer), worked a message at a time, answered
 * as a partial batch response so that one message's trouble never holds back the others:
 * <ul>
 *   <li>{@link TryLater} (a partner down or slow): the message is held back, longer at each
 *       receive ({@link RetrySchedule}), so an outage stays under the queue's maxReceiveCount;</li>
 *   <li>{@link Poison} (unreadable, an unknown order) or anything unexpected: reported failed as
 *       it is, and the queue's redrive policy moves it to the DLQ after maxReceiveCount receives;</li>
 *   <li>a message not started because too little of the invocation is left goes back at once, so
 *       a slow partner never lets the function time out (which would send the whole batch back to
 *       wait out the visibility timeout, spending a receive of each for nothing).</li>
 * </ul>
 * Each message's log lines carry its order id and the request id of the checkout that placed it.
 * The events library's SQSEvent is not used: it would need Joda-Time in the package.
 */
public final class AnnouncementBatch {

    /** One message's work; throws {@link TryLater} or {@link Poison} as above. */
    @FunctionalInterface
    public interface Work {
        void handle(JsonNode announcement, String orderId, String messageId);
    }

    /** The work's partner could not answer: try the message again later. */
    public static class TryLater extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TryLater(String message) {
            super(message);
        }
    }

    /** The message can never be worked: left to the dead-letter queue. */
    public static class Poison extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Poison(String message) {
            super(message);
        }
    }

    /** The partial batch response, and how many messages were held back to be tried later. */
    public record Result(List<Map<String, String>> failures, int retried) {

        public Map<String, Object> response() {
            return Map.of("batchItemFailures", failures);
        }
    }

    /** An order id no order has: real ones are UUIDs. */
    public static final String PRIMING_ORDER_ID = "priming: no order has this id";

    /**
     * What a consumer's SnapStart primer sends: one message, message id "priming", announcing (as
     * the announcer writes it) that an order paid, the order being one that cannot exist. It takes
     * the batch's path (the SQS event read, the body parsed, the order looked up and found
     * missing, the message failed as poison) and stops there, before any partner: a primer must
     * never charge, book, mail or call back. {@code extra} adds a consumer's own fields.
     */
    public static Map<String, Object> primingEvent(Map<String, String> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", PRIMING_ORDER_ID);
        body.put("userId", "priming");
        body.put("status", "PAID");
        body.put("total", 0L);
        body.put("currency", "EUR");
        body.put("createdAt", "2000-01-01T00:00:00Z");
        body.put("updatedAt", "2000-01-01T00:00:00Z");
        body.putAll(extra);
        try {
            return Map.of("Records", List.of(Map.of("messageId", "priming", "receiptHandle", "priming",
                    "body", Json.MAPPER.writeValueAsString(body), "attributes", Map.of("ApproximateReceiveCount", "1"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private final RetryQueue queue;
    private final RetrySchedule schedule;
    private final Duration timePerMessage;

    /** {@code timePerMessage}: the most one message's work can take, its partner calls' timeouts summed. */
    public AnnouncementBatch(RetryQueue queue, RetrySchedule schedule, Duration timePerMessage) {
        this.queue = queue;
        this.schedule = schedule;
        this.timePerMessage = timePerMessage;
    }

    public Result process(Map<String, Object> event, Context context, Work work) {
        List<Map<String, String>> failures = new ArrayList<>();
        int retried = 0;
        Object records = event == null ? null : event.get("Records");
        try (Log.Scope invocation = Log.invocation(context, null)) {
            for (Object entry : records instanceof List<?> list ? list : List.of()) {
                Map<?, ?> record = entry instanceof Map<?, ?> m ? m : Map.of();
                String messageId = String.valueOf(record.get("messageId"));
                if (context != null && context.getRemainingTimeInMillis() < timePerMessage.toMillis()) {
                    Log.info("message left for the next invocation: too little time left", "messageId", messageId,
                            "remainingMillis", context.getRemainingTimeInMillis());
                    holdBack(record, messageId, Duration.ZERO);
                    failures.add(Map.of("itemIdentifier", messageId));
                    continue;
                }
                switch (one(record, messageId, work)) {
                    case DONE -> { }
                    case RETRIED -> {
                        retried++;
                        failures.add(Map.of("itemIdentifier", messageId));
                    }
                    case FAILED -> failures.add(Map.of("itemIdentifier", messageId));
                }
            }
        }
        return new Result(List.copyOf(failures), retried);
    }

    private enum Outcome { DONE, RETRIED, FAILED }

    private Outcome one(Map<?, ?> record, String messageId, Work work) {
        JsonNode announcement;
        String orderId;
        try {
            announcement = announcement(record.get("body"));
            JsonNode id = announcement.get("orderId");
            orderId = id == null ? null : id.asText();
        } catch (Poison e) {
            Log.warn("message unworkable: it goes to the dead-letter queue after its receives", "messageId", messageId,
                    "reason", e.getMessage());
            return Outcome.FAILED;
        }
        JsonNode checkout = announcement.get("checkoutRequestId");
        try (Log.Scope order = Log.tag("orderId", orderId, "checkoutRequestId",
                checkout != null && checkout.isTextual() ? checkout.asText() : null)) {
            try {
                work.handle(announcement, orderId, messageId);
                return Outcome.DONE;
            } catch (TryLater e) {
                int received = receiveCount(record);
                Duration delay = schedule.delay(received);
                Log.warn("to be tried again", "messageId", messageId, "receiveCount", received, "delaySeconds",
                        delay.toSeconds(), "reason", e.getMessage());
                holdBack(record, messageId, delay);
                return Outcome.RETRIED;
            } catch (Poison e) {
                Log.warn("message unworkable: it goes to the dead-letter queue after its receives", "messageId",
                        messageId, "reason", e.getMessage());
                return Outcome.FAILED;
            } catch (RuntimeException e) {
                Log.error("message failed unexpectedly", e, "messageId", messageId);
                return Outcome.FAILED;
            }
        }
    }

    /** Failed all the same if SQS refuses: the message then comes back after the visibility timeout. */
    private void holdBack(Map<?, ?> record, String messageId, Duration delay) {
        try {
            queue.holdBack(String.valueOf(record.get("receiptHandle")), delay);
        } catch (RuntimeException notHeld) {
            Log.warn("message not held back", "messageId", messageId, "reason", notHeld.getMessage());
        }
    }

    /**
     * The announcement a message carries; Poison for a body that is not one. A message naming an
     * {@code account} instead of an order (a notice of the NotificationsQueue) passes with no orderId.
     */
    public static JsonNode announcement(Object body) {
        try {
            JsonNode announcement = Json.MAPPER.readTree(String.valueOf(body));
            if (announcement != null && announcement.isObject() && announcement.hasNonNull("account")) {
                return announcement;
            }
            JsonNode id = announcement == null ? null : announcement.get("orderId");
            if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 100) {
                throw new Poison("no orderId in the message");
            }
            return announcement;
        } catch (IOException e) {
            throw new Poison("the message is not JSON");
        }
    }

    private static int receiveCount(Map<?, ?> record) {
        Object attributes = record.get("attributes");
        Object count = attributes instanceof Map<?, ?> a ? a.get("ApproximateReceiveCount") : null;
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(String.valueOf(count)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
