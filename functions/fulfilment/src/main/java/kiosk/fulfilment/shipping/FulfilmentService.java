package kiosk.fulfilment.shipping;

import java.time.Clock;
import java.util.Optional;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.OrderStore;
import kiosk.orders.checkout.Timestamps;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.log.Log;

/**
 * Hands a paid order to the shipping partner and moves it to FULFILLING with the partner's
 * shipment id. Safe to repeat: the partner is called with the order id as its idempotency key, and
 * an order already handed over is left as it is. An order cancelled while its shipment was being
 * booked gets the shipment cancelled, so nothing ships that the shopper was refunded for.
 */
public final class FulfilmentService {

    /** What one message did. */
    public enum Outcome { HANDED_OVER, ALREADY_DONE, NOT_SHIPPABLE }

    private final OrderStore orders;
    private final ShippingPartner partner;
    private final Clock clock;

    public FulfilmentService(OrderStore orders, ShippingPartner partner, Clock clock) {
        this.orders = orders;
        this.partner = partner;
        this.clock = clock;
    }

    /** Throws {@link ShippingPartner.PartnerUnavailableException} to be tried later, Poison for an unknown order. */
    public Outcome fulfil(String orderId) {
        Order order = read(orderId);
        if (order.status() != OrderStatus.PAID) {
            return settled(order);
        }
        String shipmentId = partner.book(new ShippingPartner.ShipmentRequest(order.id(), order.shippingAddress(),
                order.lines().stream().map(l -> new ShippingPartner.Parcel(l.productId(), l.quantity())).toList()));
        try {
            orders.handOver(order, shipmentId, Timestamps.of(clock.instant()));
            Log.info("order handed to the shipping partner", "shipmentId", shipmentId);
            return Outcome.HANDED_OVER;
        } catch (VersionConflictException e) {
            Order now = read(orderId);
            if (now.status() == OrderStatus.PAID) {
                // Changed but still paid (a refund recorded, say): hand it over as it is now.
                orders.handOver(now, shipmentId, Timestamps.of(clock.instant()));
                return Outcome.HANDED_OVER;
            }
            return settled(now);
        }
    }

    /**
     * An order no longer PAID: done if the partner has it; otherwise (cancelled while its shipment
     * was booked, perhaps by an earlier delivery of this message that then failed) any shipment
     * booked for it is cancelled, every time, until the partner confirms: cancelling is a no-op
     * for an order with none, and the partner down retries the message.
     */
    private Outcome settled(Order order) {
        Outcome outcome = after(order);
        if (outcome == Outcome.NOT_SHIPPABLE) {
            partner.cancel(order.id());
            Log.info("any shipment of the order cancelled: it is no longer to be shipped", "status", order.status());
        }
        return outcome;
    }

    private Order read(String orderId) {
        Optional<Order> order = orders.find(orderId);
        if (order.isEmpty()) {
            throw new AnnouncementBatch.Poison("no order " + orderId);
        }
        return order.get();
    }

    private static Outcome after(Order order) {
        return switch (order.status()) {
            case FULFILLING, SHIPPED, DELIVERED, RETURNED -> Outcome.ALREADY_DONE;
            default -> Outcome.NOT_SHIPPABLE;
        };
    }
}
