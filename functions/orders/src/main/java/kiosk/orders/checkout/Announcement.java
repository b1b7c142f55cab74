package kiosk.orders.checkout;

/**
 * What the OrdersQueue carries for a placed order: its id, shopper, total and currency (the
 * consumer reads the order itself for the rest). The order id is what makes a repeat recognisable.
 */
public record Announcement(String orderId, String userId, long total, String currency, String createdAt) {
}
