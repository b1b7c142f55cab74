package kiosk.fulfilment.shipping;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The shipping partner Kiosk runs against until it has a real one: it books one shipment per
 * order (the order id its idempotency key), can be switched down or slow, and calls back later,
 * as a partner does, with a signed shipped and then delivered event through the API's own webhook
 * route (PartnerCallbacksQueue, then PartnerCallbacksHandler). A call slower than
 * {@link #CALL_TIMEOUT} is given up as unavailable, as a real client's timeout would.
 */
public final class SimulatedPartner implements ShippingPartner {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    static final String CARRIER = "Kiosk Post";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatorStore store;
    private final CallbackQueue callbacks;
    private final Clock clock;

    public SimulatedPartner(SimulatorStore store, CallbackQueue callbacks, Clock clock) {
        this.store = store;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public String book(ShipmentRequest request) {
        SimulatorStore.Switches switches = answerAsSwitched();
        byte[] tracking = new byte[6];
        RANDOM.nextBytes(tracking);
        SimulatorStore.Shipment shipment = store.bookOnce(new SimulatorStore.Shipment(request.orderId(),
                "shp_" + UUID.randomUUID().toString().replace("-", ""), CARRIER,
                "KP" + HexFormat.of().formatHex(tracking).toUpperCase(Locale.ROOT), false, false));
        if (!shipment.callbacksQueued() && !shipment.cancelled()) {
            // Queued before it is marked: a crash between the two queues them again on the retry, and
            // the webhook refuses the second copy of each (the same event id) as a replay.
            callbacks.schedule(request.orderId(), CallbackQueue.Callback.SHIPPED, Duration.ofSeconds(switches.shipAfterSeconds()));
            callbacks.schedule(request.orderId(), CallbackQueue.Callback.DELIVERED,
                    Duration.ofSeconds(switches.deliverAfterSeconds()));
            store.markCallbacksQueued(request.orderId());
        }
        return shipment.shipmentId();
    }

    /** The event the simulated partner sends for a callback of a shipment it booked, happening {@code at}. */
    static ShippingEvent event(SimulatorStore.Shipment shipment, CallbackQueue.Callback callback, String at) {
        boolean shipped = callback == CallbackQueue.Callback.SHIPPED;
        return new ShippingEvent("evt_" + shipment.orderId() + "_" + callback.name().toLowerCase(Locale.ROOT),
                shipped ? ShippingEvent.SHIPPED : ShippingEvent.DELIVERED, at, shipment.shipmentId(), shipment.orderId(),
                shipped ? shipment.carrier() : null, shipped ? shipment.trackingNumber() : null);
    }

    @Override
    public void cancel(String orderId) {
        answerAsSwitched();
        if (store.find(orderId).isPresent()) {
            store.markCancelled(orderId);
        }
    }

    /** Whether a booked shipment was cancelled since: its callbacks are then not sent. */
    boolean cancelled(String orderId) {
        return store.find(orderId).map(SimulatorStore.Shipment::cancelled).orElse(false);
    }

    private SimulatorStore.Switches answerAsSwitched() {
        SimulatorStore.Switches switches = store.switches();
        if (switches.latencyMillis() > 0) {
            try {
                Thread.sleep(Math.min(switches.latencyMillis(), CALL_TIMEOUT.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartnerUnavailableException("interrupted");
            }
            if (switches.latencyMillis() > CALL_TIMEOUT.toMillis()) {
                throw new PartnerUnavailableException("the partner did not answer within " + CALL_TIMEOUT.toSeconds() + " s");
            }
        }
        if (switches.outage()) {
            throw new PartnerUnavailableException("the partner is down (simulated outage)");
        }
        return switches;
    }
}
