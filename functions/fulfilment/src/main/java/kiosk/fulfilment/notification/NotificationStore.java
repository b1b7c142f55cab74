package kiosk.fulfilment.notification;

import java.util.List;
import java.util.Optional;

/** The shoppers' inboxes: each shopper's notifications by id, newest first. */
public interface NotificationStore {

    /**
     * Writes the notification unless its shopper already has one with its id: answers the one
     * stored either way, and whether this call wrote it. So a change told twice is written once.
     */
    Added add(Notification notification);

    /** The notification stored, and whether the call that answered it wrote it. */
    record Added(Notification notification, boolean created) {
    }

    /** Records how the notification's email went; the notification must exist. */
    void setEmail(String userId, String id, Notification.EmailStatus status);

    /** A page of a shopper's notifications, newest first, after the id where the last page ended. */
    Page list(String userId, int limit, Optional<String> afterId);

    /** A page, and the id of its last notification when there may be more. */
    record Page(List<Notification> items, Optional<String> lastId) {
    }

    /** Marks one of the shopper's notifications read and answers it; empty when the shopper has none with that id. */
    Optional<Notification> markRead(String userId, String id);
}
