package kiosk.orders.checkout;

/**
 * What the order queues carry for a change of an order's status: its id, shopper, new status,
 * total and currency (a consumer reads the order itself for the rest), and the Lambda request id of
 * the checkout that placed it (or null), which the jobs log so one order can be followed from its
 * checkout on. The order id, status and {@code updatedAt} (when the order took that status) are
 * what make a repeat recognisable.
 */
public record Announcement(String orderId, String userId, OrderStatus status, long total, String currency,
                           String createdAt, String updatedAt, String checkoutRequestId) {
}
