package kiosk.fulfilment.shipping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.OrderStore;
import kiosk.orders.checkout.Timestamps;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.error.RetryLaterException;

/**
 * The shipping partner's events applied to orders. Nothing is read before the signature is good.
 * Each event is recorded by id in the same transaction as its effect, so a replayed or repeated
 * event has no second effect (409). Events may come out of order: an order only moves forward
 * (FULFILLING, SHIPPED, DELIVERED, RETURNED) and each event fills in what it tells, so a delivered
 * that overtakes its shipped delivers the order, and the late shipped adds the carrier and
 * tracking number without moving it back.
 */
public final class ShippingWebhookService {

    public static final ProblemType SIGNATURE = new ProblemType("webhook-signature-refused", 401,
            "Webhook signature refused");
    public static final ProblemType INVALID_EVENT = new ProblemType("webhook-event-invalid", 400, "Invalid webhook event");
    public static final ProblemType REPLAYED = new ProblemType("webhook-event-replayed", 409, "Event already received");
    public static final ProblemType NOT_SHIPPING = new ProblemType("order-not-shipping", 409,
            "Order not with the shipping partner");
    public static final ProblemType NOT_YET_SHIPPING = new ProblemType("order-not-yet-shipping", 409,
            "Order still being handed to the shipping partner");
    public static final ProblemType UNKNOWN_ORDER = new ProblemType("webhook-order-unknown", 404, "No such order");

    /** Where each status stands on the way; an event never moves an order back. */
    private static final Map<OrderStatus, Integer> STAGE = Map.of(OrderStatus.FULFILLING, 0, OrderStatus.SHIPPED, 1,
            OrderStatus.DELIVERED, 2, OrderStatus.RETURNED, 3);

    /** What the partner is answered: the event applied and where the order now stands. */
    public record Receipt(String eventId, String orderId, OrderStatus status) {
    }

    private final WebhookSignature signature;
    private final OrderStore orders;
    private final ShipmentEvents events;
    private final Clock clock;

    public ShippingWebhookService(WebhookSignature signature, OrderStore orders, ShipmentEvents events, Clock clock) {
        this.signature = signature;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The partner's signature for a body, for the handler's SnapStart primer alone (hence package
     * private): its body names an order that cannot exist, and is answered in the process.
     */
    String signForPriming(byte[] body) {
        if (!SnapStart.priming()) {
            // A body signed with the partner's secret is trusted: no one but the primer gets one.
            throw new IllegalStateException("webhook bodies are signed by the partner, not by Kiosk");
        }
        return signature.header(body, clock.instant());
    }

    public Receipt receive(String signatureHeader, byte[] body) {
        String refusal = signature.refusal(signatureHeader, body, clock.instant());
        if (refusal != null) {
            throw new DomainException(SIGNATURE, refusal);
        }
        ShippingEvent event;
        try {
            event = ShippingEvent.parse(body);
        } catch (IllegalArgumentException e) {
            throw new DomainException(INVALID_EVENT, e.getMessage());
        }
        Instant occurred = Instant.parse(event.occurredAt());
        if (occurred.isAfter(clock.instant().plus(WebhookSignature.TOLERANCE))
                || occurred.isBefore(clock.instant().minus(Duration.ofDays(90)))) {
            throw new DomainException(INVALID_EVENT, "occurredAt must be within the last 90 days and not in the future.");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Order order = orders.find(event.orderId())
                    .orElseThrow(() -> new DomainException(UNKNOWN_ORDER, "No order " + event.orderId() + "."));
            Integer stage = STAGE.get(order.status());
            if (stage == null || order.shipment() == null) {
                if (events.seen(event.id())) {
                    throw replayed(event);
                }
                if (order.status() == OrderStatus.PAID) {
                    // Booked but not yet recorded as handed over: the partner's retry will find it so.
                    throw new RetryLaterException(NOT_YET_SHIPPING, "The order is still being handed over; send the event again.", 5);
                }
                throw new DomainException(NOT_SHIPPING, "The order is " + order.status() + ", not with the shipping partner.");
            }
            if (!order.shipment().shipmentId().equals(event.shipmentId())) {
                throw new DomainException(NOT_SHIPPING, "The order's shipment is not " + event.shipmentId() + ".");
            }
            OrderStatus target = switch (event.type()) {
                case ShippingEvent.SHIPPED -> OrderStatus.SHIPPED;
                case ShippingEvent.DELIVERED -> OrderStatus.DELIVERED;
                default -> OrderStatus.RETURNED;
            };
            OrderStatus to = STAGE.get(target) > stage ? target : order.status();
            Order.Shipment now = order.shipment();
            Order.Shipment told = new Order.Shipment(now.shipmentId(), now.bookedAt(),
                    now.carrier() != null ? now.carrier() : event.carrier(),
                    now.trackingNumber() != null ? now.trackingNumber() : event.trackingNumber(),
                    first(now.shippedAt(), target == OrderStatus.SHIPPED, event),
                    first(now.deliveredAt(), target == OrderStatus.DELIVERED, event),
                    first(now.returnedAt(), target == OrderStatus.RETURNED, event));
            switch (events.record(event, order, to, told, Timestamps.of(clock.instant()))) {
                case APPLIED -> {
                    return new Receipt(event.id(), order.id(), to);
                }
                case REPLAYED -> throw replayed(event);
                case ORDER_CHANGED -> {
                    // Another event for this order won the race: read it again and apply on top.
                }
            }
        }
        throw new RetryLaterException(ProblemType.CONFLICT, "The order kept changing; send the event again.", 1);
    }

    /** A time already known stays; otherwise the event's, if it tells this one. */
    private static String first(String known, boolean tells, ShippingEvent event) {
        return known != null ? known : tells ? event.occurredAt() : null;
    }

    private static DomainException replayed(ShippingEvent event) {
        return new DomainException(REPLAYED, "Event " + event.id() + " was received before; it changes nothing again.");
    }
}
