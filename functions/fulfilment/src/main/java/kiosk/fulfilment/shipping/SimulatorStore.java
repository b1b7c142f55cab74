package kiosk.fulfilment.shipping;

import java.util.Optional;

/** The simulated partner's shipments and switches (ShippingSimulatorTable). */
public interface SimulatorStore {

    /**
     * How the simulated partner behaves: down, slow (latency per call), and how many seconds after
     * booking it reports a shipment shipped and then delivered.
     */
    record Switches(boolean outage, long latencyMillis, int shipAfterSeconds, int deliverAfterSeconds) {
        public static final Switches NORMAL = new Switches(false, 0, 2, 4);
    }

    /** A booked shipment: its id, carrier and tracking number, whether its callbacks are queued, whether cancelled. */
    record Shipment(String orderId, String shipmentId, String carrier, String trackingNumber, boolean callbacksQueued,
                    boolean cancelled) {
    }

    Switches switches();

    void setSwitches(Switches switches);

    /** Stores the shipment unless the order has one; answers the one stored. */
    Shipment bookOnce(Shipment shipment);

    Optional<Shipment> find(String orderId);

    void markCallbacksQueued(String orderId);

    void markCancelled(String orderId);

    /** How many shipments are booked and how many of them cancelled. */
    long[] counts();
}
