package kiosk.jobs.payment;

/** A message names an order that does not exist: a poison message, left to the queue's DLQ. */
public final class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String orderId) {
        super("no order " + orderId);
    }
}
