package kiosk.fulfilment.notification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiosk.orders.PageSize;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.NotFoundException;

/**
 * A shopper's own inbox: a page at a time, newest first, and marking one read. Another shopper's
 * notification is a 404, exactly as one that does not exist.
 */
public final class InboxService {

    /** As {@link Notification#idOf} writes them; anything else cannot be a notification's id. */
    private static final Pattern ID = Pattern.compile("\\d{13}-[A-Za-z0-9_-]{1,180}");
    private static final Pattern CURSOR = Pattern.compile("(\\d{13}-[A-Za-z0-9_-]{1,180})\\|(.{1,200})");

    /** A page of notifications and, when there are more, the cursor that fetches the next. */
    public record NotificationPage(List<Notification> items, String nextCursor) {
    }

    private final NotificationStore store;

    public InboxService(NotificationStore store) {
        this.store = store;
    }

    /**
     * A page of the shopper's notifications. The cursor is where the last page ended and whose
     * inbox it was, not signed: the query is bound to the caller's own user id, so a forged cursor
     * can only skip within their own notifications; the owner is there so that a cursor carried
     * over from another inbox is refused rather than read as a position in this one.
     */
    public NotificationPage list(String userId, Optional<String> limit, Optional<String> cursor) {
        int size = PageSize.of(limit);
        NotificationStore.Page page = store.list(userId, size, cursor.map(c -> position(c, userId)));
        return new NotificationPage(page.items(), page.lastId().map(id -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString((id + "|" + userId).getBytes(StandardCharsets.UTF_8))).orElse(null));
    }

    /** Marks one of the shopper's notifications read (again is fine) and answers it. */
    public Notification markRead(String userId, String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("No notification with that id.");
        }
        return store.markRead(userId, id).orElseThrow(() -> new NotFoundException("No notification " + id + "."));
    }

    private static String position(String cursor, String userId) {
        try {
            if (cursor.length() <= 600) {
                Matcher matcher = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
                if (matcher.matches() && matcher.group(2).equals(userId)) {
                    return matcher.group(1);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Not base64: the same answer as any other bad cursor.
        }
        throw new BadRequestException("cursor is not one this API returned for your notifications.");
    }
}
