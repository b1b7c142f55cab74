package kiosk.orders.checkout;

/**
 * An order's life; see the README's diagram. Every change is conditional on the status and version
 * read. CANCELLING is a paid order cancelled before fulfilment, waiting for its refund: the payment
 * job refunds it and only then moves it to CANCELLED, giving its stock back. After PAID the shipping
 * partner has it: FULFILLING (a shipment booked), SHIPPED (on its way, with tracking), DELIVERED,
 * or RETURNED (the carrier brought it back).
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, FULFILLING, SHIPPED, DELIVERED, PAYMENT_FAILED, EXPIRED, CANCELLING, CANCELLED, RETURNED
}
