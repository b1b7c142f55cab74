package kiosk.fulfilment.shipping;

import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;

/** The partner's events received (ShippingEventsTable), each recorded with its effect on the order at once. */
public interface ShipmentEvents {

    /** What recording an event came to. */
    enum Recorded { APPLIED, REPLAYED, ORDER_CHANGED }

    /**
     * In one transaction: the event's id recorded (REPLAYED if it already was: nothing written) and
     * the order, still as read, moved to {@code to} with {@code shipment} (ORDER_CHANGED if it moved
     * meanwhile: nothing written, read it again).
     */
    Recorded record(ShippingEvent event, Order order, OrderStatus to, Order.Shipment shipment, String now);

    /** Whether an event id was received before. */
    boolean seen(String eventId);
}
