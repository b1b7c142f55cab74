package kiosk.fulfilment.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.queue.AnnouncementBatch;

/** What a NotificationsQueue message (an Announcement) tells: an order took a status at a time. */
public record StatusChange(String orderId, OrderStatus status, Instant at) {

    /**
     * The change an announcement tells of; Poison when it names no status this job knows or no time
     * (the time is part of the notification's id, so it cannot be guessed).
     */
    public static StatusChange of(JsonNode announcement, String orderId) {
        JsonNode status = announcement.get("status");
        JsonNode updatedAt = announcement.get("updatedAt");
        if (status == null || !status.isTextual() || updatedAt == null || !updatedAt.isTextual()) {
            throw new AnnouncementBatch.Poison("the announcement has no status or updatedAt");
        }
        try {
            return new StatusChange(orderId, OrderStatus.valueOf(status.asText()), Instant.parse(updatedAt.asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new AnnouncementBatch.Poison("the announcement's status or updatedAt is not one this job reads");
        }
    }
}
