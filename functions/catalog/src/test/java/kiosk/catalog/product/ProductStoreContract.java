package kiosk.catalog.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every ProductStore does, run against each implementation: the in-memory fake the handler
 * tests use (InMemoryProductStoreTest) and the DynamoDB store (DynamoDbProductStoreIT), so the fake
 * cannot drift from the real thing.
 */
abstract class ProductStoreContract {

    private ProductStore store;

    /** A store that may hold other tests' products. */
    abstract ProductStore store();

    /** A store with nothing in it, for a test that lists everything. */
    abstract ProductStore emptyStore();

    @BeforeEach
    void givenAStore() {
        this.store = store();
    }

    @Test
    void createdProductsReadBackFieldForField() {
        Product product = product("Reading lamp", "lighting");
        store.create(product);
        assertEquals(Optional.of(product), store.find(product.id()));
    }

    @Test
    void anEmptyDescriptionIsStored() {
        Product p = product("Plain", "misc");
        Product empty = new Product(p.id(), p.name(), "", p.category(), p.price(), p.stock(), p.status(), p.version(),
                p.createdAt(), p.updatedAt());
        store.create(empty);
        assertEquals("", store.find(p.id()).orElseThrow().description());
    }

    @Test
    void creatingAnExistingIdIsAConflictAndLeavesTheFirst() {
        Product first = product("First", "misc");
        store.create(first);
        Product second = new Product(first.id(), "Second", "", "misc", first.price(), 1, ProductStatus.ACTIVE, 1,
                first.createdAt(), first.updatedAt());
        assertThrows(ConflictException.class, () -> store.create(second));
        assertEquals("First", store.find(first.id()).orElseThrow().name());
    }

    @Test
    void updateBumpsTheVersionAndKeepsCreatedAt() {
        Product original = product("Mug", "kitchen");
        store.create(original);
        Product stored = update(store, original, changed(original, "Big mug", "kitchen"), 1);
        assertEquals(2, stored.version());
        assertEquals("Big mug", stored.name());
        assertEquals(original.createdAt(), stored.createdAt());
        assertEquals(stored, store.find(original.id()).orElseThrow());
    }

    @Test
    void updateOnAStaleVersionIsAVersionConflictCarryingTheCurrentVersionAndChangesNothing() {
        Product original = product("Kettle", "kitchen");
        store.create(original);
        update(store, original, changed(original, "Kettle 2", "kitchen"), 1);
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> update(store, original, changed(original, "Lost", "kitchen"), 1));
        assertEquals(2, stale.currentVersion());
        assertEquals("Kettle 2", store.find(original.id()).orElseThrow().name());
    }

    @Test
    void updateAndArchiveOfAnAbsentOrArchivedProductAreNotFound() {
        Product ghost = product("Ghost", "misc");
        assertThrows(NotFoundException.class, () -> update(store, ghost, changed(ghost, "Ghost", "misc"), 1));
        assertThrows(NotFoundException.class, () -> store.archive("no-such-id", 1, "2026-11-21T00:00:00Z"));
        Product product = product("Vase", "decor");
        store.create(product);
        store.archive(product.id(), 1, "2026-11-21T00:00:00Z");
        assertThrows(NotFoundException.class, () -> update(store, product, changed(product, "Vase", "decor"), 2));
        assertThrows(NotFoundException.class, () -> store.archive(product.id(), 2, "2026-11-21T00:00:00Z"));
        Product archived = store.find(product.id()).orElseThrow();
        assertEquals(ProductStatus.ARCHIVED, archived.status());
        assertEquals(2, archived.version());
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        Product original = product("Contested", "misc");
        store.create(original);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        // Real threads, all released at once: the store's condition, not the test, picks the winner.
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String name = "Writer " + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    update(store, original, changed(original, name, "misc"), 1);
                    return true;
                } catch (VersionConflictException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, winners);
        assertEquals(2, store.find(original.id()).orElseThrow().version());
    }

    @Test
    void anEditNeverTouchesStockAndAnAdjustmentNeverTouchesTheVersion() {
        Product original = product("Lamp", "lighting");
        store.create(original);
        assertEquals(5, store.adjustStock(original.id(), 2, "2026-11-21T00:00:00Z").stock());
        Product edited = update(store, original, changed(original, "Lamp II", "lighting"), 1);
        assertEquals(5, edited.stock(), "the units added after the admin read the product are kept");
        assertEquals(2, edited.version());
        Product adjusted = store.adjustStock(original.id(), -5, "2026-11-21T00:01:00Z");
        assertEquals(0, adjusted.stock());
        assertEquals(2, adjusted.version(), "an adjustment does not make the admin's ETag stale");
        assertEquals("Lamp II", adjusted.name());
    }

    @Test
    void anAdjustmentOutOfRangeOrOfAnArchivedProductChangesNothing() {
        Product product = product("Stool", "furniture");
        store.create(product);
        assertThrows(StockOutOfRangeException.class, () -> store.adjustStock(product.id(), -4, "2026-11-21T00:00:00Z"));
        assertThrows(StockOutOfRangeException.class,
                () -> store.adjustStock(product.id(), ProductInput.MAX_STOCK - 2, "2026-11-21T00:00:00Z"));
        assertEquals(3, store.find(product.id()).orElseThrow().stock());
        assertEquals(ProductInput.MAX_STOCK, store.adjustStock(product.id(), ProductInput.MAX_STOCK - 3,
                "2026-11-21T00:00:00Z").stock(), "up to the limit exactly");
        assertThrows(NotFoundException.class, () -> store.adjustStock("no-such-id", 1, "2026-11-21T00:00:00Z"));
        store.archive(product.id(), 1, "2026-11-21T00:00:00Z");
        assertThrows(NotFoundException.class, () -> store.adjustStock(product.id(), 1, "2026-11-21T00:00:00Z"));
    }

    @Test
    void concurrentWriteOffsNeverTakeStockBelowZeroAndEditsRacingThemAllLand() throws Exception {
        Product original = product("Scarce", "misc");
        store.create(original);
        store.adjustStock(original.id(), 7, "2026-11-21T00:00:00Z"); // 10 in stock
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    store.adjustStock(original.id(), -1, "2026-11-21T00:00:00Z");
                    return true;
                } catch (StockOutOfRangeException e) {
                    return false;
                }
            }));
        }
        Future<Product> edit = pool.submit(() -> {
            start.await();
            return update(store, original, changed(original, "Scarce, renamed", "misc"), 1);
        });
        start.countDown();
        int taken = 0;
        for (Future<Boolean> result : results) {
            taken += result.get() ? 1 : 0;
        }
        assertEquals("Scarce, renamed", edit.get().name(), "an edit racing the write-offs is not refused");
        pool.shutdown();
        assertEquals(10, taken);
        Product after = store.find(original.id()).orElseThrow();
        assertEquals(0, after.stock());
        assertEquals("Scarce, renamed", after.name());
    }

    @Test
    void listsPageByPageInNameOrderWithNoCursorAfterTheLastPage() {
        ProductStore isolated = emptyStore();
        for (String name : List.of("echo", "Alpha", "delta", "Charlie", "bravo")) {
            isolated.create(product(name, "letters"));
        }
        isolated.create(product("Other", "numbers"));
        List<String> names = new ArrayList<>();
        Optional<ProductStore.Position> after = Optional.empty();
        List<Integer> sizes = new ArrayList<>();
        do {
            ProductStore.Page page = isolated.list(Optional.of("letters"), 2, after);
            page.items().forEach(p -> names.add(p.name()));
            sizes.add(page.items().size());
            after = page.next();
        } while (after.isPresent());
        assertEquals(List.of("Alpha", "bravo", "Charlie", "delta", "echo"), names);
        assertEquals(List.of(2, 2, 1), sizes);
        ProductStore.Page exact = isolated.list(Optional.of("letters"), 5, Optional.empty());
        assertEquals(5, exact.items().size());
        assertTrue(exact.next().isEmpty(), "a page that ends the listing has no cursor");
        assertEquals(6, isolated.list(Optional.empty(), 100, Optional.empty()).items().size());
    }

    @Test
    void archivedAndRecategorizedProductsLeaveTheirListings() {
        ProductStore isolated = emptyStore();
        Product kept = product("Kept", "garden");
        Product archived = product("Archived", "garden");
        Product moved = product("Moved", "garden");
        List.of(kept, archived, moved).forEach(isolated::create);
        isolated.archive(archived.id(), 1, "2026-11-21T00:00:00Z");
        update(isolated, moved, changed(moved, "Moved", "patio"), 1);
        assertEquals(List.of("Kept"), names(isolated.list(Optional.of("garden"), 10, Optional.empty())));
        assertEquals(List.of("Moved"), names(isolated.list(Optional.of("patio"), 10, Optional.empty())));
        assertEquals(List.of("Kept", "Moved"), names(isolated.list(Optional.empty(), 10, Optional.empty())));
        assertFalse(names(isolated.list(Optional.empty(), 10, Optional.empty())).contains("Archived"));
    }

    private static List<String> names(ProductStore.Page page) {
        return page.items().stream().map(Product::name).toList();
    }

    private static Product product(String name, String category) {
        return new Product(UUID.randomUUID().toString(), name, "about " + name, category, new Money(1250L, "EUR"), 3,
                ProductStatus.ACTIVE, 1, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z");
    }

    private static ProductChanges changed(Product p, String name, String category) {
        return new ProductChanges(name, p.description(), category, p.price());
    }

    private Product update(ProductStore target, Product p, ProductChanges changes, long version) {
        return target.update(p.id(), changes, version, "2026-11-21T00:00:00Z");
    }
}
