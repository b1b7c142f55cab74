package kiosk.fulfilment.notification;

import java.time.Instant;

/**
 * One entry of a shopper's inbox: what happened to one of their orders, told once per change of
 * its status, or a notice of the account itself ({@code orderId} null). Its id sorts newest first and names the change ({@link #idOf}), so the same change
 * announced twice is the same notification. {@code createdAt} is when the order took the status.
 */
public record Notification(String userId, String id, NotificationType type, String orderId, String title, String body,
                           Data data, String createdAt, boolean read, EmailStatus email) {

    /** What a client may show beside the text: the order's money, and the parcel's tracking once shipped. */
    public record Data(Long total, String currency, String carrier, String trackingNumber) {
    }

    /**
     * How the notification's email went: NONE (no sender configured), PENDING (written, not yet
     * sent), SENT, or FAILED (refused for good, or the shopper has no address).
     */
    public enum EmailStatus { NONE, PENDING, SENT, FAILED }

    /**
     * Epoch millis of the change, zero-padded so that the ids sort as text the way they sort as time
     * (newest first in a descending query), then the order and the kind of notification.
     */
    public static String idOf(Instant changedAt, String orderId, NotificationType type) {
        return String.format("%013d-%s-%s", changedAt.toEpochMilli(), orderId, type.name());
    }

    public Notification withRead() {
        return new Notification(userId, id, type, orderId, title, body, data, createdAt, true, email);
    }

    public Notification withEmail(EmailStatus status) {
        return new Notification(userId, id, type, orderId, title, body, data, createdAt, read, status);
    }
}
