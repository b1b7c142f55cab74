package kiosk.jobs.payment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kiosk.shared.json.Json;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;

/**
 * The OrdersQueue's consumer (template.yaml): settles the money of each order announced (charges a
 * placed order, refunds a cancelled one; {@link PaymentService}). Takes the SQS event as a plain
 * map (the events library's SQSEvent would need Joda-Time in the package) and answers a partial
 * batch response, so one message's trouble never holds back the others:
 * <ul>
 *   <li>the gateway unavailable: the message is held back, longer at each receive (exponential,
 *       with jitter, capped), so an outage of half an hour stays under the queue's maxReceiveCount
 *       and no order reaches the DLQ;</li>
 *   <li>an unreadable message or an unknown order (poison): reported failed as it is, and the
 *       queue's redrive policy moves it to the DLQ after maxReceiveCount receives.</li>
 * </ul>
 * Each message's log lines carry its order id and the request id of the checkout that placed it;
 * each invocation writes one line of metrics (Embedded Metric Format).
 */
public final class PayOrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** How long a message waits after each receive the gateway could not answer: first, doubling, at most max. */
    public record RetrySchedule(Duration first, Duration max) {

        public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(10));

        public RetrySchedule {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || max.toSeconds() > 43_200) {
                throw new IllegalArgumentException("a retry schedule runs from a positive first delay to a max of at most"
                        + " 12 hours (SQS's limit): " + first + ", " + max);
            }
        }

        /** first, 2 x first, 4 x first... at most max, plus up to half as much again at random (so retries spread out). */
        Duration delay(int receiveCount) {
            long base = Math.min(max.toSeconds(), first.toSeconds() << Math.min(20, receiveCount - 1));
            return Duration.ofSeconds(Math.min(43_200, base + ThreadLocalRandom.current().nextLong(base / 2 + 1)));
        }
    }

    /**
     * Time a message may need, at worst: a refund is three gateway calls, each bounded by the
     * gateway's own timeout (at most 5 s). A record is started only with this much of the
     * invocation left; the rest of the batch goes back at once, so a slow gateway never lets the
     * function time out, which would send the whole batch back to wait out the visibility
     * timeout and spend one of its receives for nothing.
     */
    static final Duration TIME_PER_MESSAGE = Duration.ofSeconds(16);

    private final PaymentService payments;
    private final RetryQueue queue;
    private final RetrySchedule schedule;

    public PayOrdersHandler() {
        this(JobsWiring.payments(), JobsWiring.retryQueue(), JobsWiring.retrySchedule());
    }

    public PayOrdersHandler(PaymentService payments, RetryQueue queue, RetrySchedule schedule) {
        this.payments = payments;
        this.queue = queue;
        this.schedule = schedule;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<Map<String, String>> failures = new ArrayList<>();
        Metrics metrics = payments.metrics();
        for (String name : List.of("PaymentsSucceeded", "PaymentsDeclined", "PaymentsRetried", "PaymentsRefunded")) {
            metrics.count(name, 0);
        }
        Object records = event.get("Records");
        try (Log.Scope invocation = Log.scope(context == null ? null : context.getAwsRequestId(), null)) {
            for (Object entry : records instanceof List<?> list ? list : List.of()) {
                Map<?, ?> record = entry instanceof Map<?, ?> m ? m : Map.of();
                if (context != null && context.getRemainingTimeInMillis() < TIME_PER_MESSAGE.toMillis()) {
                    // Not started: back on the queue now, to the next invocation.
                    Log.info("message left for the next invocation: too little time left", "messageId",
                            record.get("messageId"), "remainingMillis", context.getRemainingTimeInMillis());
                    queue.holdBack(String.valueOf(record.get("receiptHandle")), Duration.ZERO);
                    failures.add(Map.of("itemIdentifier", String.valueOf(record.get("messageId"))));
                    continue;
                }
                if (!settle(record, metrics)) {
                    failures.add(Map.of("itemIdentifier", String.valueOf(record.get("messageId"))));
                }
            }
        } finally {
            metrics.flush();
        }
        return Map.of("batchItemFailures", failures);
    }

    /** Settles one message's order; answers false for a message to be received again. */
    private boolean settle(Map<?, ?> record, Metrics metrics) {
        String messageId = String.valueOf(record.get("messageId"));
        JsonNode announcement;
        String orderId;
        try {
            announcement = announcement(record.get("body"));
            orderId = announcement.get("orderId").asText();
        } catch (IllegalArgumentException e) {
            Log.warn("message not payable: it goes to the dead-letter queue after its receives", "messageId", messageId,
                    "reason", e.getMessage());
            return false;
        }
        JsonNode checkout = announcement.get("checkoutRequestId");
        try (Log.Scope order = Log.tag("orderId", orderId, "checkoutRequestId",
                checkout != null && checkout.isTextual() ? checkout.asText() : null)) {
            try {
                switch (payments.settle(orderId)) {
                    case PAID -> metrics.count("PaymentsSucceeded", 1);
                    case DECLINED -> metrics.count("PaymentsDeclined", 1);
                    case REFUNDED -> metrics.count("PaymentsRefunded", 1);
                    case ALREADY_DONE -> Log.info("order already settled: a repeated message", "messageId", messageId);
                }
                return true;
            } catch (GatewayUnavailableException e) {
                int received = receiveCount(record);
                Duration delay = schedule.delay(received);
                Log.warn("payment to be tried again", "messageId", messageId, "receiveCount", received, "delaySeconds",
                        delay.toSeconds(), "reason", e.getMessage());
                metrics.count("PaymentsRetried", 1);
                queue.holdBack(String.valueOf(record.get("receiptHandle")), delay);
                return false;
            } catch (UnknownOrderException e) {
                Log.warn("message not payable: it goes to the dead-letter queue after its receives", "messageId",
                        messageId, "reason", e.getMessage());
                return false;
            } catch (RuntimeException e) {
                Log.error("payment failed unexpectedly", e, "messageId", messageId);
                return false;
            }
        }
    }

    /** The announcement a message carries; IllegalArgumentException for a body that is not one. */
    static JsonNode announcement(Object body) {
        try {
            JsonNode announcement = Json.MAPPER.readTree(String.valueOf(body));
            JsonNode id = announcement == null ? null : announcement.get("orderId");
            if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 100) {
                throw new IllegalArgumentException("no orderId in the message");
            }
            return announcement;
        } catch (IOException e) {
            throw new IllegalArgumentException("the message is not JSON");
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
