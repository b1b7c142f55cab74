package kiosk.fulfilment.notification;

import java.util.Optional;
import kiosk.shared.log.Log;

/**
 * Emails each notification to the address of the shopper's account, from the configured sender.
 * A refusal, or an account without an address, is final (FAILED, a warning, no retry); the
 * shopper still has the notification in the inbox. No address is ever logged.
 */
public final class EmailDelivery implements Delivery {

    private final RecipientStore recipients;
    private final Mailer mailer;
    private final String sender;

    public EmailDelivery(RecipientStore recipients, Mailer mailer, String sender) {
        this.recipients = recipients;
        this.mailer = mailer;
        this.sender = sender;
    }

    @Override
    public Notification.EmailStatus initial() {
        return Notification.EmailStatus.PENDING;
    }

    @Override
    public Notification.EmailStatus deliver(Notification notification) {
        return deliver(notification, null);
    }

    @Override
    public Notification.EmailStatus deliver(Notification notification, String privateText) {
        Optional<String> to = recipients.emailOf(notification.userId());
        if (to.isEmpty()) {
            Log.warn("notification email not sent: the account has no email address", "notificationId",
                    notification.id(), "userId", notification.userId());
            return Notification.EmailStatus.FAILED;
        }
        try {
            mailer.send(EmailTemplate.render(notification, sender, to.get(), privateText));
            Log.info("notification emailed", "notificationId", notification.id(), "type", notification.type().name());
            return Notification.EmailStatus.SENT;
        } catch (Mailer.Rejected e) {
            Log.warn("notification email rejected: not tried again", "notificationId", notification.id(),
                    "errorCode", e.getMessage());
            return Notification.EmailStatus.FAILED;
        }
    }
}
