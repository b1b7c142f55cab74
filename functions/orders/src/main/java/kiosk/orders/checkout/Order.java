package kiosk.orders.checkout;

import java.util.List;
import kiosk.shared.money.Money;

/**
 * An order as placed: its lines at the unit prices charged, where it ships, its totals in minor
 * units of one currency, its status and version, and what happened to its money ({@code payment},
 * null until it was charged), and its journey to the shopper ({@code shipment}, null until the
 * shipping partner has it). Timestamps are ISO-8601 UTC.
 */
public record Order(String id, String userId, OrderStatus status, List<Line> lines, String currency, Totals totals,
                    String promoCode, Address shippingAddress, String paymentMethod, long version, String createdAt,
                    String updatedAt, Payment payment, Shipment shipment) {

    public Order {
        lines = List.copyOf(lines);
    }

    public record Line(String productId, String name, Money unitPrice, int quantity, Money lineTotal) {
    }

    /**
     * The provider's charge that paid the order, and the refund that gave it back with why
     * (cancelled after payment, ended while being charged); each null until it happened.
     */
    public record Payment(String chargeId, String refundId, String refundReason) {
    }

    /**
     * The shipping partner's shipment and what it has told of it: when it was booked, the carrier
     * and tracking number once shipped, when it was shipped, delivered or returned; each null until
     * it happened.
     */
    public record Shipment(String shipmentId, String bookedAt, String carrier, String trackingNumber, String shippedAt,
                           String deliveredAt, String returnedAt) {
    }

    /** subtotal - discount + shipping = total, all in the order's currency. */
    public record Totals(long subtotal, long discount, long shipping, long total) {
    }
}
