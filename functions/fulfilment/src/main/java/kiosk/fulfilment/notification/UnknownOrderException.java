package kiosk.fulfilment.notification;

/** A message names an order that is not in the OrdersTable: it can never be notified. */
public final class UnknownOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownOrderException(String orderId) {
        super("no order " + orderId, null, false, false);
    }
}
