package kiosk.fulfilment.notification;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Map;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderPriming;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The NotificationsQueue's consumer (template.yaml): each change of an order's status announced,
 * and each notice of an account's password ({@link AccountNotice}), becomes the shopper's
 * notification ({@link NotificationService}), a message at a time with a
 * partial batch response ({@link AnnouncementBatch}): SES unavailable holds the message back,
 * longer at each receive; an unknown order or an unreadable message is poison, left to the DLQ.
 */
public final class NotifyHandler extends EventFunction {

    /**
     * Time a message may need, at worst: SendEmail bounded by its call timeout (NotificationWiring,
     * 5 s) and four DynamoDB calls. A record is started only with this much of the invocation left.
     */
    static final Duration TIME_PER_MESSAGE = Duration.ofSeconds(7);

    private final NotificationService notifications;
    private final AnnouncementBatch batch;

    public NotifyHandler() {
        this(NotificationWiring.notifications(), NotificationWiring.retryQueue(), NotificationWiring.retrySchedule());
        SnapStart.prime("Notify", () -> {
            prime(PRIMING_EVENT);
            // Then as a real message goes: the order found, the notification written, its email
            // sent and marked, every write (and SES's send) answered from memory (PrimingSandbox).
            NotificationWiring.seedForPriming(PRIMING_ORDER, "snapstart-priming@example.com");
            prime(PRIMING_EVENT);
        });
    }

    /**
     * The primer's message: a paid order that cannot exist, so the confirmation's path runs to the
     * order's lookup and stops there, found missing, until the primer seeds {@link #PRIMING_ORDER}.
     */
    static final Map<String, Object> PRIMING_EVENT = AnnouncementBatch.primingEvent(Map.of());
    private static final Order PRIMING_ORDER = OrderPriming.order(AnnouncementBatch.PRIMING_ORDER_ID, "priming",
            OrderStatus.PAID, null);

    public NotifyHandler(NotificationService notifications, RetryQueue queue, RetrySchedule schedule) {
        this.notifications = notifications;
        this.batch = new AnnouncementBatch(queue, schedule, TIME_PER_MESSAGE);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return batch.process(event, context, (announcement, orderId, messageId) -> {
            if (AccountNotice.is(announcement)) {
                try {
                    if (notifications.notify(AccountNotice.of(announcement)) == NotificationService.Outcome.REPEATED) {
                        Log.info("notification already written: a repeated message", "messageId", messageId);
                    }
                } catch (Mailer.Unavailable e) {
                    throw new AnnouncementBatch.TryLater("email: " + e.getMessage());
                }
                return;
            }
            StatusChange change = StatusChange.of(announcement, orderId);
            try {
                switch (notifications.notify(change)) {
                    case WRITTEN -> { }
                    case REPEATED -> Log.info("notification already written: a repeated message", "messageId", messageId);
                    case PASSED_OVER -> Log.debug("no notification for this status", "status", change.status().name());
                }
            } catch (Mailer.Unavailable e) {
                throw new AnnouncementBatch.TryLater("email: " + e.getMessage());
            } catch (UnknownOrderException e) {
                throw new AnnouncementBatch.Poison(e.getMessage());
            }
        }).response();
    }
}
