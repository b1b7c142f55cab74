package kiosk.orders.checkout;

import kiosk.orders.promotion.Promotion;

/**
 * Everything one checkout writes at once: the order, the cart it empties (at the version priced),
 * and the shopper's Idempotency-Key with the request's hash, kept until
 * {@code keyExpiresAtEpochSecond}; the promotion redeemed, if any (null). The order's lines say which
 * stock to take. {@code checkoutRequestId}, the Lambda request id of the checkout (or null), is kept
 * on the order so that the jobs after it log it and one order can be followed from its checkout on.
 */
public record Placement(Order order, long cartVersion, String idempotencyKey, String requestHash,
                        long keyExpiresAtEpochSecond, long cartExpiresAtEpochSecond, Promotion promotion,
                        String checkoutRequestId) {
}
