package kiosk.fulfilment.notification;

/**
 * How a notification reaches the shopper besides the inbox: by email when a sender is configured
 * ({@link EmailDelivery}), else the function's log ({@link LogDelivery}).
 */
public interface Delivery {

    /** The email status a new notification is written with: PENDING when this delivery sends one, NONE if not. */
    Notification.EmailStatus initial();

    /**
     * Tells the shopper of a notification just written, or written with its email still PENDING;
     * answers the email's status now. Throws {@link Mailer.Unavailable} when it should be tried later.
     */
    Notification.EmailStatus deliver(Notification notification);

    /**
     * The same, the email carrying {@code privateText} below the notification's words: what only
     * the mailbox may see (a password-reset token), never the inbox or a log.
     */
    Notification.EmailStatus deliver(Notification notification, String privateText);
}
