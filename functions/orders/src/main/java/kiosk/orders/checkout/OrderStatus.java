package kiosk.orders.checkout;

/** An order's life; see the README's diagram. Every change is conditional on the status and version read. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, FULFILLING, SHIPPED, DELIVERED, PAYMENT_FAILED, EXPIRED, CANCELLED
}
