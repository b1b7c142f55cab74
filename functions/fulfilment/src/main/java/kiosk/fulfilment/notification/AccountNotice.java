package kiosk.fulfilment.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import kiosk.orders.queue.AnnouncementBatch;

/**
 * A NotificationsQueue message from the accounts functions (kiosk.accounts.password.
 * SqsAccountNotices): {@code {"account": "PASSWORD_CHANGED" | "PASSWORD_RESET", "userId", "at"}},
 * a reset with its {@code resetToken} and {@code expiresAt}.
 */
public record AccountNotice(NotificationType type, String userId, Instant at, String resetToken, Instant expiresAt) {

    /** Whether a message is an account notice rather than an order's announcement. */
    public static boolean is(JsonNode message) {
        return message.hasNonNull("account");
    }

    /** The notice a message carries; Poison when it is not one this job reads. */
    public static AccountNotice of(JsonNode message) {
        try {
            NotificationType type = NotificationType.valueOf(message.path("account").asText());
            String userId = message.path("userId").asText("");
            if (type != NotificationType.PASSWORD_CHANGED && type != NotificationType.PASSWORD_RESET || userId.isBlank()
                    || userId.length() > 64) {
                throw new AnnouncementBatch.Poison("an account notice of no known type or with no userId");
            }
            Instant at = Instant.parse(message.path("at").asText());
            if (type == NotificationType.PASSWORD_CHANGED) {
                return new AccountNotice(type, userId, at, null, null);
            }
            String token = message.path("resetToken").asText("");
            if (token.isBlank()) {
                throw new AnnouncementBatch.Poison("a reset notice without its token");
            }
            return new AccountNotice(type, userId, at, token, Instant.parse(message.path("expiresAt").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new AnnouncementBatch.Poison("an account notice this job does not read");
        }
    }

    /** Never the token: a record prints its members, and a notice may end up in a failure message. */
    @Override
    public String toString() {
        return "AccountNotice[type=" + type + ", userId=" + userId + ", at=" + at + "]";
    }
}
