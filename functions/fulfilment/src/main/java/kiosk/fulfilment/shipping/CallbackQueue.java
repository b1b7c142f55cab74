package kiosk.fulfilment.shipping;

import java.time.Duration;

/** The simulated partner's calls back to come, each delivered after its delay (PartnerCallbacksQueue). */
public interface CallbackQueue {

    /** Queues the event (a partner's webhook body) for the order, to be sent after {@code delay}. */
    void schedule(String orderId, ShippingEvent event, Duration delay);
}
