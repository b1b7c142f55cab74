package kiosk.fulfilment.shipping;

import java.util.List;
import kiosk.orders.checkout.Address;

/**
 * A shipping partner, behind one interface: the simulated one everywhere today, a real carrier's
 * API tomorrow. Every call names the order as its idempotency key, so a call repeated after a
 * crash or a redelivered message books no second shipment. Calls are bounded by a timeout: a
 * partner that cannot answer in time is {@link PartnerUnavailableException}, retried later.
 */
public interface ShippingPartner {

    /** What the partner needs to ship an order. */
    record ShipmentRequest(String orderId, Address address, List<Parcel> parcels) {
    }

    /** One line of the order: what to pick, how many. */
    record Parcel(String productId, int quantity) {
    }

    /** Books the order's shipment, or answers the one already booked for it: the partner's shipment id. */
    String book(ShipmentRequest request);

    /** Cancels the order's shipment before it ships (the order was cancelled meanwhile); nothing if none. */
    void cancel(String orderId);

    /** The partner did not answer in time, or said it cannot now: try again later. */
    final class PartnerUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PartnerUnavailableException(String message) {
            super(message);
        }
    }
}
