package kiosk.orders.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import kiosk.shared.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The OrdersQueue of template.yaml. A message is the order's id, shopper, total and currency as
 * JSON (the consumer reads the order itself for the rest), with the order id also as an attribute.
 */
public final class SqsOrderQueue implements OrderAnnouncer.Queue {

    /** What a consumer gets; the order id is what makes a repeat recognisable. */
    public record Announcement(String orderId, String userId, long total, String currency, String createdAt) {
    }

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOrderQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(Order order) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(new Announcement(order.id(), order.userId(), order.totals().total(),
                    order.currency(), order.createdAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of("orderId",
                MessageAttributeValue.builder().dataType("String").stringValue(order.id()).build())));
    }
}
