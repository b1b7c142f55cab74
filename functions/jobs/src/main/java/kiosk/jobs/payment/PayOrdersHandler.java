package kiosk.jobs.payment;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;

/**
 * The OrdersQueue's consumer (template.yaml): settles the money of each order announced (charges a
 * placed order, refunds a cancelled one; {@link PaymentService}), a message at a time with a
 * partial batch response ({@link AnnouncementBatch}): the gateway unavailable holds the message
 * back, longer at each receive, so an outage of half an hour stays under the queue's
 * maxReceiveCount and no order reaches the DLQ; an unknown order is poison, left to the DLQ. Each
 * invocation writes one line of metrics (Embedded Metric Format).
 */
public final class PayOrdersHandler extends EventFunction {

    /**
     * Time a message may need, at worst: a refund is three gateway calls, each bounded by the
     * gateway's own timeout (at most 5 s). A record is started only with this much of the
     * invocation left.
     */
    static final Duration TIME_PER_MESSAGE = Duration.ofSeconds(16);

    private final PaymentService payments;
    private final AnnouncementBatch batch;

    /**
     * What the SnapStart primer sends: one announcement, for an order that cannot exist
     * ({@link AnnouncementBatch#primingEvent}): the order read from DynamoDB and found missing, the
     * lines and metrics built, and no gateway reached: a primer must never charge.
     */
    static final Map<String, Object> PRIMING_EVENT = AnnouncementBatch.primingEvent(Map.of());

    public PayOrdersHandler() {
        this(JobsWiring.payments(), JobsWiring.retryQueue(), JobsWiring.retrySchedule());
        SnapStart.prime("PayOrders", () -> prime(PRIMING_EVENT));
    }

    public PayOrdersHandler(PaymentService payments, RetryQueue queue, RetrySchedule schedule) {
        this.payments = payments;
        this.batch = new AnnouncementBatch(queue, schedule, TIME_PER_MESSAGE);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Metrics metrics = payments.metrics();
        for (String name : List.of("PaymentsSucceeded", "PaymentsDeclined", "PaymentsRetried", "PaymentsRefunded")) {
            metrics.count(name, 0);
        }
        try {
            AnnouncementBatch.Result result = batch.process(event, context, (announcement, orderId, messageId) -> {
                try {
                    switch (payments.settle(orderId)) {
                        case PAID -> metrics.count("PaymentsSucceeded", 1);
                        case DECLINED -> metrics.count("PaymentsDeclined", 1);
                        case REFUNDED -> metrics.count("PaymentsRefunded", 1);
                        case ALREADY_DONE -> Log.info("order already settled: a repeated message", "messageId", messageId);
                    }
                } catch (GatewayUnavailableException e) {
                    throw new AnnouncementBatch.TryLater("payment gateway: " + e.getMessage());
                } catch (UnknownOrderException e) {
                    throw new AnnouncementBatch.Poison(e.getMessage());
                }
            });
            metrics.count("PaymentsRetried", result.retried());
            return result.response();
        } finally {
            metrics.flush();
        }
    }
}
