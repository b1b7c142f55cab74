package kiosk.fulfilment.shipping;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kiosk.shared.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SendMessage with DelaySeconds (at most SQS's 15 minutes). */
public final class SqsCallbackQueue implements CallbackQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCallbackQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void schedule(String orderId, Callback callback, Duration delay) {
        Map<String, Object> body = new LinkedHashMap<>();
        // orderId on top, as every order message has it: the callbacks job logs and retries by it.
        body.put("orderId", orderId);
        body.put("callback", callback.name());
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(text)
                .delaySeconds((int) Math.min(900, Math.max(0, delay.toSeconds()))));
    }
}
