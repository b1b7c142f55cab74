package kiosk.orders.queue;

import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ChangeMessageVisibility on the queue the job consumes. */
public final class SqsRetryQueue implements RetryQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRetryQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void holdBack(String receiptHandle, Duration delay) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) delay.toSeconds()));
    }
}
