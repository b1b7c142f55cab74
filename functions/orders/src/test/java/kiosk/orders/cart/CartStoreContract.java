package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import kiosk.shared.error.VersionConflictException;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;

/** What every CartStore does: run against the fake (InMemoryCartStoreTest) and DynamoDB (DynamoDbCartStoreIT). */
abstract class CartStoreContract {

    abstract CartStore store();

    private static final long EXPIRES = 1_800_000_000L;

    private static Cart cart(String userId, long version, Cart.Line... lines) {
        return new Cart(userId, List.of(lines), lines.length == 0 ? null : "EUR", version, "2026-11-21T10:00:00Z");
    }

    @Test
    void aSavedCartReadsBackLineForLineInOrder() {
        CartStore store = store();
        String user = UUID.randomUUID().toString();
        assertEquals(Optional.empty(), store.find(user));
        Cart cart = cart(user, 1, new Cart.Line("p-2", 3), new Cart.Line("p-1", 99));
        store.save(cart, 0, EXPIRES);
        assertEquals(Optional.of(cart), store.find(user));
        Cart emptied = cart(user, 2);
        store.save(emptied, 1, EXPIRES);
        assertEquals(Optional.of(emptied), store.find(user), "an empty cart keeps its version and has no currency");
    }

    @Test
    void aSaveOnAStaleVersionIsRefusedWithTheCurrentOneAndChangesNothing() {
        CartStore store = store();
        String user = UUID.randomUUID().toString();
        store.save(cart(user, 1, new Cart.Line("p-1", 1)), 0, EXPIRES);
        VersionConflictException again = assertThrows(VersionConflictException.class,
                () -> store.save(cart(user, 1, new Cart.Line("p-9", 9)), 0, EXPIRES));
        assertEquals(1, again.currentVersion());
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> store.save(cart(user, 3, new Cart.Line("p-9", 9)), 2, EXPIRES));
        assertEquals(1, stale.currentVersion());
        assertEquals(List.of(new Cart.Line("p-1", 1)), store.find(user).orElseThrow().lines());
    }

    @Test
    void ofConcurrentSavesOfOneVersionExactlyOneLands() throws Exception {
        CartStore store = store();
        String user = UUID.randomUUID().toString();
        store.save(cart(user, 1), 0, EXPIRES);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Cart mine = cart(user, 2, new Cart.Line("p-" + i, 1));
            writers.add(() -> {
                try {
                    store.save(mine, 1, EXPIRES);
                    return true;
                } catch (VersionConflictException e) {
                    return false;
                }
            });
        }
        assertEquals(1, Race.atOnce(writers).stream().filter(landed -> landed).count());
        assertEquals(1, store.find(user).orElseThrow().lines().size());
        assertTrue(store.find(user).orElseThrow().version() == 2);
    }
}
