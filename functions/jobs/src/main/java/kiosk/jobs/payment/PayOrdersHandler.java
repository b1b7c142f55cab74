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

/**
 * The OrdersQueue's consumer (template.yaml): pays each order announced. Takes the SQS event as a
 * plain map (the events library's SQSEvent would need Joda-Time in the package) and answers a
 * partial batch response, so one message's trouble never holds back the others:
 * <ul>
 *   <li>the gateway unavailable: the message is held back, longer at each receive (exponential,
 *       with jitter, capped at {@link #MAX_DELAY}), so an outage of half an hour stays under the
 *       queue's maxReceiveCount and no order reaches the DLQ;</li>
 *   <li>an unreadable message or an unknown order (poison): reported failed as it is, and the
 *       queue's redrive policy moves it to the DLQ after maxReceiveCount receives.</li>
 * </ul>
 */
public final class PayOrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    static final Duration MAX_DELAY = Duration.ofMinutes(10);

    private final PaymentService payments;
    private final RetryQueue queue;

    public PayOrdersHandler() {
        this(JobsWiring.payments(), JobsWiring.retryQueue());
    }

    public PayOrdersHandler(PaymentService payments, RetryQueue queue) {
        this.payments = payments;
        this.queue = queue;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<Map<String, String>> failures = new ArrayList<>();
        Object records = event.get("Records");
        for (Object entry : records instanceof List<?> list ? list : List.of()) {
            Map<?, ?> record = entry instanceof Map<?, ?> m ? m : Map.of();
            String messageId = String.valueOf(record.get("messageId"));
            try {
                payments.pay(orderId(record.get("body")));
            } catch (GatewayUnavailableException e) {
                int received = receiveCount(record);
                Duration delay = delay(received);
                Log.warn("payment to be tried again", "messageId", messageId, "receiveCount", received, "delaySeconds",
                        delay.toSeconds(), "reason", e.getMessage());
                queue.holdBack(String.valueOf(record.get("receiptHandle")), delay);
                failures.add(Map.of("itemIdentifier", messageId));
            } catch (UnknownOrderException | IllegalArgumentException e) {
                Log.warn("message not payable: it goes to the dead-letter queue after its receives", "messageId", messageId,
                        "reason", e.getMessage());
                failures.add(Map.of("itemIdentifier", messageId));
            } catch (RuntimeException e) {
                Log.error("payment failed unexpectedly", e, "messageId", messageId);
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    /** The order id an announcement names; IllegalArgumentException for a body that is not one. */
    static String orderId(Object body) {
        try {
            JsonNode announcement = Json.MAPPER.readTree(String.valueOf(body));
            JsonNode id = announcement == null ? null : announcement.get("orderId");
            if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 100) {
                throw new IllegalArgumentException("no orderId in the message");
            }
            return id.asText();
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

    /** 10 s, 20 s, 40 s... at most 10 minutes, plus up to half as much again at random (so retries spread out). */
    static Duration delay(int receiveCount) {
        long base = Math.min(MAX_DELAY.toSeconds(), FIRST_DELAY.toSeconds() << Math.min(20, receiveCount - 1));
        return Duration.ofSeconds(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
