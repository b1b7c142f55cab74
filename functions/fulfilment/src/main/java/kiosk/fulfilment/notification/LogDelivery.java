package kiosk.fulfilment.notification;

import kiosk.shared.log.Log;

/** No sender configured: the inbox is the channel, and the log shows each notification (what the local runtime prints). */
public final class LogDelivery implements Delivery {

    @Override
    public Notification.EmailStatus initial() {
        return Notification.EmailStatus.NONE;
    }

    /** The private text is dropped: a log holds no token. */
    @Override
    public Notification.EmailStatus deliver(Notification notification, String privateText) {
        return deliver(notification);
    }

    @Override
    public Notification.EmailStatus deliver(Notification notification) {
        Log.info("notification", "type", notification.type().name(), "orderId", notification.orderId(),
                "userId", notification.userId(), "title", notification.title());
        return Notification.EmailStatus.NONE;
    }
}
