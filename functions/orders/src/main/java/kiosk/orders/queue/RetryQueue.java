package kiosk.orders.queue;

import java.time.Duration;

/** Holds a received message back for a while before it is delivered again; the SQS one is the only SDK caller. */
public interface RetryQueue {

    void holdBack(String receiptHandle, Duration delay);
}
