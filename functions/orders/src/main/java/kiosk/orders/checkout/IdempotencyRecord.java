package kiosk.orders.checkout;

/** What a shopper's Idempotency-Key produced: the hash of the request it came with, and the order. */
public record IdempotencyRecord(String requestHash, String orderId) {
}
