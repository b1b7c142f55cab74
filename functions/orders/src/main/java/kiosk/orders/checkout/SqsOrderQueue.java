package kiosk.orders.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.shared.json.Json;
import kiosk.shared.log.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The order queues of template.yaml (OrdersQueue, FulfilmentQueue, NotificationsQueue). A message
 * is an {@link Announcement} as JSON, with the order id, its status and the checkout's request id
 * also as message attributes; up to ten messages for one queue go in each SendMessageBatch (SQS's
 * limit), in the order given.
 */
public final class SqsOrderQueue implements OrderAnnouncer.Queue {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final Map<OrderAnnouncer.Destination, String> queueUrls;

    public SqsOrderQueue(SqsClient sqs, Map<OrderAnnouncer.Destination, String> queueUrls) {
        this.sqs = sqs;
        this.queueUrls = new EnumMap<>(queueUrls);
        for (OrderAnnouncer.Destination destination : OrderAnnouncer.Destination.values()) {
            if (!this.queueUrls.containsKey(destination)) {
                throw new IllegalArgumentException("no queue for " + destination);
            }
        }
    }

    @Override
    public int send(List<OrderAnnouncer.Outgoing> messages) {
        int sent = 0;
        while (sent < messages.size()) {
            // The next run of messages to one queue, ten at most.
            OrderAnnouncer.Destination to = messages.get(sent).to();
            int end = sent + 1;
            while (end < messages.size() && end - sent < BATCH && messages.get(end).to() == to) {
                end++;
            }
            List<OrderAnnouncer.Outgoing> chunk = messages.subList(sent, end);
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Announcement announcement = chunk.get(i).announcement();
                entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(body(announcement))
                        .messageAttributes(attributes(announcement)).build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrls.get(to)).entries(entries));
            } catch (SdkException e) {
                Log.warn("order changes not announced yet: the stream will hand them over again", "count",
                        messages.size() - sent, "queue", to.name(), "errorType", e.getClass().getName());
                return sent;
            }
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // Entries of one batch succeed or fail each on their own: count up to the first failure.
                int firstFailed = response.failed().stream().mapToInt(f -> Integer.parseInt(f.id())).min().orElse(0);
                BatchResultErrorEntry failure = response.failed().stream()
                        .filter(f -> f.id().equals(String.valueOf(firstFailed))).findFirst().orElseThrow();
                Log.warn("order changes not announced yet: the stream will hand them over again", "count",
                        messages.size() - sent - firstFailed, "queue", to.name(), "errorCode", failure.code());
                return sent + firstFailed;
            }
            sent = end;
        }
        return sent;
    }

    private static Map<String, MessageAttributeValue> attributes(Announcement announcement) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("orderId", text(announcement.orderId()));
        attributes.put("status", text(announcement.status().name()));
        if (announcement.checkoutRequestId() != null) {
            attributes.put("checkoutRequestId", text(announcement.checkoutRequestId()));
        }
        return attributes;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static String body(Announcement announcement) {
        try {
            return Json.MAPPER.writeValueAsString(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
