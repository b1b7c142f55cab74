package kiosk.fulfilment.notification;

import java.util.Optional;
import kiosk.orders.checkout.Order;

/**
 * Tells a shopper of a change of their order's status that they hear of (confirmed, payment
 * failed, shipped, delivered, cancelled): a notification in their inbox, then its delivery. The
 * notification's id names the change, so a message delivered again, or the same change announced
 * twice, writes nothing new and delivers nothing again; except an email still PENDING, which was
 * cut short (SES unavailable, or the function stopped between sending it and recording it) and is
 * sent again. Email is therefore at least once: rarely, a shopper may get one twice, never none.
 */
public final class NotificationService {

    /** What one change came to. */
    public enum Outcome { WRITTEN, REPEATED, PASSED_OVER }

    private final OrderLookup orders;
    private final NotificationStore inbox;
    private final Delivery delivery;

    public NotificationService(OrderLookup orders, NotificationStore inbox, Delivery delivery) {
        this.orders = orders;
        this.inbox = inbox;
        this.delivery = delivery;
    }

    /** Throws UnknownOrderException for an order not found, Mailer.Unavailable to be tried again later. */
    public Outcome notify(StatusChange change) {
        Optional<NotificationType> type = NotificationType.of(change.status());
        if (type.isEmpty()) {
            return Outcome.PASSED_OVER;
        }
        Order order = orders.find(change.orderId()).orElseThrow(() -> new UnknownOrderException(change.orderId()));
        return write(Messages.notification(type.get(), order, change, delivery.initial()), null);
    }

    /**
     * A notice of the account itself, in the inbox and by email like an order's. A reset's token
     * goes into the email alone: the inbox says a reset was asked for, and how to ignore it. A
     * reset whose email went out before (a message delivered again) is not sent again.
     */
    public Outcome notify(AccountNotice notice) {
        return write(Messages.notification(notice, delivery.initial()),
                notice.resetToken() == null ? null : Messages.resetInstructions(notice));
    }

    /**
     * Writes the notification unless it is there, and delivers it if this call wrote it or its
     * email is still PENDING; {@code privateText} (null if none) goes into the email alone.
     */
    private Outcome write(Notification notification, String privateText) {
        NotificationStore.Added added = inbox.add(notification);
        Notification stored = added.notification();
        if (!added.created() && stored.email() != Notification.EmailStatus.PENDING) {
            return Outcome.REPEATED;
        }
        Notification.EmailStatus email = privateText == null ? delivery.deliver(stored) : delivery.deliver(stored, privateText);
        if (email != stored.email()) {
            inbox.setEmail(stored.userId(), stored.id(), email);
        }
        return added.created() ? Outcome.WRITTEN : Outcome.REPEATED;
    }
}
