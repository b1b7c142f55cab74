package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;

/**
 * What every NotificationStore does: run against the fake (InMemoryNotificationStoreTest) and
 * DynamoDB (DynamoDbNotificationStoreIT).
 */
abstract class NotificationStoreContract {

    abstract NotificationStore store();

    static Notification notification(String userId, Instant at, String orderId, NotificationType type) {
        return new Notification(userId, Notification.idOf(at, orderId, type), type, orderId, "Order shipped",
                "Your order is on its way with DHL. Tracking number: 00340434161234567890.",
                new Notification.Data(1995L, "EUR", "DHL", "00340434161234567890"), at.toString(), false,
                Notification.EmailStatus.PENDING);
    }

    private static Instant minute(int n) {
        return Instant.parse("2026-11-21T10:00:00Z").plusSeconds(60L * n);
    }

    @Test
    void aNotificationReadsBackAsWrittenAndIsWrittenOnce() {
        NotificationStore store = store();
        String user = UUID.randomUUID().toString();
        Notification written = notification(user, minute(0), "o-1", NotificationType.ORDER_SHIPPED);
        assertEquals(new NotificationStore.Added(written, true), store.add(written));
        assertEquals(List.of(written), store.list(user, 20, Optional.empty()).items());

        Notification again = new Notification(user, written.id(), written.type(), "o-1", "Other words", "Other body",
                new Notification.Data(1L, "GBP", null, null), written.createdAt(), false, Notification.EmailStatus.NONE);
        assertEquals(new NotificationStore.Added(written, false), store.add(again), "the stored one, unchanged");
        assertEquals(List.of(written), store.list(user, 20, Optional.empty()).items());
    }

    @Test
    void ofConcurrentAddsOfOneChangeExactlyOneWrites() throws Exception {
        NotificationStore store = store();
        String user = UUID.randomUUID().toString();
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(() -> store.add(notification(user, minute(0), "o-1", NotificationType.ORDER_CONFIRMED)).created());
        }
        assertEquals(1, Race.atOnce(writers).stream().filter(created -> created).count());
        assertEquals(1, store.list(user, 100, Optional.empty()).items().size());
    }

    @Test
    void pagesRunNewestFirstAndTheLastEndsTheListing() {
        NotificationStore store = store();
        String user = UUID.randomUUID().toString();
        for (int i = 0; i < 25; i++) {
            store.add(notification(user, minute(i), "o-" + i, NotificationType.ORDER_CONFIRMED));
        }
        store.add(notification(UUID.randomUUID().toString(), minute(30), "o-other", NotificationType.ORDER_CONFIRMED));
        List<String> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            NotificationStore.Page page = store.list(user, 10, after);
            page.items().forEach(n -> seen.add(n.orderId()));
            after = page.lastId();
            pages++;
        } while (after.isPresent());
        assertEquals(3, pages);
        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            expected.add("o-" + i);
        }
        assertEquals(expected, seen, "newest first, each once, none of another shopper's");
        assertEquals(Optional.empty(), store.list(user, 25, Optional.empty()).lastId(), "an exact fit has no next page");
    }

    @Test
    void markingReadIsTheOwnersOnlyAndCanBeRepeated() {
        NotificationStore store = store();
        String owner = UUID.randomUUID().toString();
        Notification written = store.add(notification(owner, minute(0), "o-1", NotificationType.ORDER_DELIVERED))
                .notification();
        assertEquals(Optional.empty(), store.markRead(UUID.randomUUID().toString(), written.id()));
        assertFalse(store.list(owner, 1, Optional.empty()).items().get(0).read(), "another shopper changed nothing");
        assertEquals(Optional.of(written.withRead()), store.markRead(owner, written.id()));
        assertEquals(Optional.of(written.withRead()), store.markRead(owner, written.id()));
        assertTrue(store.list(owner, 1, Optional.empty()).items().get(0).read());
        assertEquals(Optional.empty(), store.markRead(owner, Notification.idOf(minute(1), "o-1",
                NotificationType.ORDER_DELIVERED)));
    }

    @Test
    void theEmailStatusIsRecorded() {
        NotificationStore store = store();
        String user = UUID.randomUUID().toString();
        Notification written = store.add(notification(user, minute(0), "o-1", NotificationType.ORDER_SHIPPED)).notification();
        store.setEmail(user, written.id(), Notification.EmailStatus.SENT);
        assertEquals(written.withEmail(Notification.EmailStatus.SENT), store.list(user, 1, Optional.empty()).items().get(0));
        assertEquals(Notification.EmailStatus.SENT, store.add(written).notification().email());
    }
}
