package kiosk.fulfilment.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Map;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;

/**
 * The FulfilmentQueue's consumer (template.yaml): each paid order handed to the shipping partner
 * ({@link FulfilmentService}), a message at a time with a partial batch response. The partner
 * down or slow holds the message back, longer at each receive; an unknown order is poison, left
 * to the DLQ. One line of metrics per invocation: ShipmentsBooked, FulfilmentRetried.
 */
public final class FulfilOrdersHandler extends EventFunction {

    /** A booking and a cancel, each bounded by the partner's 5 s timeout, and the order's writes. */
    static final Duration TIME_PER_MESSAGE = Duration.ofSeconds(12);

    private final FulfilmentService fulfilment;
    private final AnnouncementBatch batch;
    private final Metrics metrics;

    public FulfilOrdersHandler() {
        this(ShippingWiring.fulfilment(), ShippingWiring.fulfilmentQueue(), ShippingWiring.fulfilmentRetries(),
                new Metrics("fulfilment"));
        SnapStart.prime("FulfilOrders", () -> prime(PRIMING_EVENT));
    }

    /** The primer's message: a paid order that cannot exist, read and found missing; no partner is called. */
    static final Map<String, Object> PRIMING_EVENT = AnnouncementBatch.primingEvent(Map.of());

    public FulfilOrdersHandler(FulfilmentService fulfilment, RetryQueue queue, RetrySchedule schedule, Metrics metrics) {
        this.fulfilment = fulfilment;
        this.batch = new AnnouncementBatch(queue, schedule, TIME_PER_MESSAGE);
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        metrics.count("ShipmentsBooked", 0);
        try {
            AnnouncementBatch.Result result = batch.process(event, context, (announcement, orderId, messageId) -> {
                try {
                    FulfilmentService.Outcome outcome = fulfilment.fulfil(orderId);
                    if (outcome == FulfilmentService.Outcome.HANDED_OVER) {
                        metrics.count("ShipmentsBooked", 1);
                    } else {
                        Log.info("nothing to fulfil", "messageId", messageId, "outcome", outcome);
                    }
                } catch (ShippingPartner.PartnerUnavailableException e) {
                    throw new AnnouncementBatch.TryLater("shipping partner: " + e.getMessage());
                }
            });
            metrics.count("FulfilmentRetried", result.retried());
            return result.response();
        } finally {
            metrics.flush();
        }
    }
}
