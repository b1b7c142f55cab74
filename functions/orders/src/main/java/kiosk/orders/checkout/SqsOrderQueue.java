package kiosk.orders.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
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
 * The OrdersQueue of template.yaml. A message is an {@link Announcement} as JSON, with the order id
 * also as a message attribute; ten go in each SendMessageBatch (SQS's limit).
 */
public final class SqsOrderQueue implements OrderAnnouncer.Queue {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOrderQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public int send(List<Announcement> announcements) {
        int sent = 0;
        while (sent < announcements.size()) {
            List<Announcement> chunk = announcements.subList(sent, Math.min(announcements.size(), sent + BATCH));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(body(chunk.get(i)))
                        .messageAttributes(Map.of("orderId", MessageAttributeValue.builder().dataType("String")
                                .stringValue(chunk.get(i).orderId()).build()))
                        .build());
            }
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                Log.warn("orders not announced yet: the stream will hand them over again", "count",
                        announcements.size() - sent, "errorType", e.getClass().getName());
                return sent;
            }
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // Entries of one batch succeed or fail each on their own: count up to the first failure.
                int firstFailed = response.failed().stream().mapToInt(f -> Integer.parseInt(f.id())).min().orElse(0);
                BatchResultErrorEntry failure = response.failed().stream()
                        .filter(f -> f.id().equals(String.valueOf(firstFailed))).findFirst().orElseThrow();
                Log.warn("orders not announced yet: the stream will hand them over again", "count",
                        announcements.size() - sent - firstFailed, "errorCode", failure.code());
                return sent + firstFailed;
            }
            sent += chunk.size();
        }
        return sent;
    }

    private static String body(Announcement announcement) {
        try {
            return Json.MAPPER.writeValueAsString(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
