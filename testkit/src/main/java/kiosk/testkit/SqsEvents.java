package kiosk.testkit;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Messages received from a real queue, handed to a consumer as Lambda's SQS event source would:
 * one record per message with its id, receipt handle, body and receive count, the way the jobs
 * read them (as maps, without the events library).
 */
public final class SqsEvents {

    private SqsEvents() {
    }

    /** Up to ten messages on the queue now (waiting at most a second), with their system attributes. */
    public static List<Message> receive(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNamesWithStrings("All")).messages();
    }

    /** The SQS event of these messages. */
    public static Map<String, Object> event(List<Message> messages) {
        return Map.of("Records", messages.stream().map(SqsEvents::record).toList());
    }

    /** The event of what {@link #receive} gets now. */
    public static Map<String, Object> received(SqsClient sqs, String queueUrl) {
        return event(receive(sqs, queueUrl));
    }

    private static Object record(Message m) {
        return Map.of("messageId", m.messageId(), "receiptHandle", m.receiptHandle(), "body", m.body(), "attributes",
                Map.of("ApproximateReceiveCount", m.attributesAsStrings().get("ApproximateReceiveCount")));
    }
}
