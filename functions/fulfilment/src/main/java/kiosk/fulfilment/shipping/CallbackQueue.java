package kiosk.fulfilment.shipping;

import java.time.Duration;

/**
 * The simulated partner's calls back to come, each delivered after its delay (PartnerCallbacksQueue).
 * A message names only the order and what happened; the event sent is rebuilt from the
 * simulator's own record of the shipment, so whatever reaches the queue can only ever make the
 * simulator say what it would have said anyway.
 */
public interface CallbackQueue {

    /** What the simulated parcel does. */
    enum Callback { SHIPPED, DELIVERED }

    /** Queues the callback for the order's shipment, to be sent after {@code delay}. */
    void schedule(String orderId, Callback callback, Duration delay);
}
