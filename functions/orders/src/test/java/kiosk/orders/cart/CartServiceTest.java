package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.money.Money;
import org.junit.jupiter.api.Test;

/** The cart's rules on the in-memory fakes: lines, availability, currency, the line limit, versions. */
class CartServiceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final OptionalLong ANY = OptionalLong.empty();

    private final InMemoryCartStore store = new InMemoryCartStore();
    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog()
            .put("lamp", "Desk lamp", 3999, "EUR", 5)
            .put("mug", "Mug", 850, "EUR", 1)
            .put("hat", "Hat", 2000, "USD", 9);
    private final CartService carts = new CartService(store, catalog, CLOCK);

    @Test
    void aChangeWithoutIfMatchThatLosesEveryRoundIsBusyNotAFailedPrecondition() {
        // GIVEN a cart every save of which another request of the shopper's wins
        CartStore contended = new CartStore() {
            @Override
            public java.util.Optional<Cart> find(String userId) {
                return store.find(userId);
            }

            @Override
            public void save(Cart cart, long expectedVersion, long expiresAtEpochSecond) {
                throw new kiosk.shared.error.VersionConflictException("raced", expectedVersion + 1);
            }
        };
        CartService busy = new CartService(contended, catalog, CLOCK);
        // WHEN a change comes with no If-Match
        var refused = assertThrows(kiosk.shared.error.RetryLaterException.class, () -> busy.setLine("ann", "lamp", 1, ANY));
        // THEN try again (503 cart-busy, Retry-After 1), not a 412 for a precondition never sent
        assertEquals("cart-busy", refused.type().slug());
        assertEquals(503, refused.type().status());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void anEmptyCartHasNoLinesNoCurrencyAndVersion0() {
        CartView cart = carts.view("ann");
        assertEquals(List.of(), cart.lines());
        assertNull(cart.currency());
        assertNull(cart.subtotal());
        assertEquals(0, cart.version());
    }

    @Test
    void linesArePricedAtTodaysPricesWithTheirAvailability() {
        carts.setLine("ann", "lamp", 2, ANY);
        CartView cart = carts.setLine("ann", "mug", 3, ANY);
        assertEquals(List.of("lamp", "mug"), cart.lines().stream().map(CartView.LineView::productId).toList());
        assertEquals(new Money(7998L, "EUR"), cart.lines().get(0).lineTotal());
        assertEquals(Availability.IN_STOCK, cart.lines().get(0).availability());
        assertEquals(Availability.NOT_ENOUGH_STOCK, cart.lines().get(1).availability());
        assertEquals(new Money(7998L + 2550L, "EUR"), cart.subtotal());
        assertEquals(5, cart.itemCount());
        assertEquals(2, cart.version());

        catalog.archive("mug");
        CartView later = carts.view("ann");
        assertEquals(Availability.UNAVAILABLE, later.lines().get(1).availability());
        assertNull(later.lines().get(1).lineTotal());
        assertEquals(new Money(7998L, "EUR"), later.subtotal(), "an unavailable line counts for nothing");
    }

    @Test
    void settingALineAgainReplacesItsQuantityAndZeroOrDeleteRemovesIt() {
        carts.setLine("ann", "lamp", 2, ANY);
        assertEquals(4, carts.setLine("ann", "lamp", 4, ANY).lines().get(0).quantity());
        assertEquals(List.of(), carts.setLine("ann", "lamp", 0, ANY).lines());
        assertNull(carts.view("ann").currency(), "an emptied cart takes any currency again");
        carts.setLine("ann", "hat", 1, ANY);
        assertEquals("USD", carts.view("ann").currency());
        assertEquals(List.of(), carts.removeLine("ann", "hat", ANY).lines());
        long version = carts.view("ann").version();
        assertEquals(version, carts.removeLine("ann", "not-in-cart", ANY).version(), "removing nothing changes nothing");
    }

    @Test
    void onlyActiveProductsThatExistCanBeAdded() {
        catalog.archive("mug");
        assertThrows(NotFoundException.class, () -> carts.setLine("ann", "mug", 1, ANY));
        assertThrows(NotFoundException.class, () -> carts.setLine("ann", "no-such-product", 1, ANY));
        assertThrows(NotFoundException.class, () -> carts.setLine("ann", "../../etc", 1, ANY));
        assertEquals(0, carts.view("ann").version(), "nothing stored");
    }

    @Test
    void aProductInAnotherCurrencyIsItsOwn409() {
        carts.setLine("ann", "lamp", 1, ANY);
        DomainException e = assertThrows(DomainException.class, () -> carts.setLine("ann", "hat", 1, ANY));
        assertEquals(CartProblems.CURRENCY_MISMATCH, e.type());
        assertEquals(1, carts.view("ann").lines().size());
    }

    @Test
    void theFiftyFirstProductIsRefusedButTheFiftyAreStillEditable() {
        for (int i = 0; i < CartService.MAX_LINES; i++) {
            catalog.put("p" + i, "Product " + i, 100, "EUR", 10);
            carts.setLine("ann", "p" + i, 1, ANY);
        }
        catalog.put("one-more", "One more", 100, "EUR", 10);
        DomainException e = assertThrows(DomainException.class, () -> carts.setLine("ann", "one-more", 1, ANY));
        assertEquals(CartProblems.CART_FULL, e.type());
        assertEquals(2, carts.setLine("ann", "p7", 2, ANY).lines().get(7).quantity());
        assertEquals(CartService.MAX_LINES, carts.view("ann").lines().size());
    }

    @Test
    void ifMatchMakesAStaleChangeA412AndClearingMovesTheVersionOn() {
        carts.setLine("ann", "lamp", 1, ANY);
        carts.setLine("ann", "mug", 1, OptionalLong.of(1));
        VersionConflictException stale = assertThrows(VersionConflictException.class,
                () -> carts.setLine("ann", "lamp", 3, OptionalLong.of(1)));
        assertEquals(2, stale.currentVersion());
        carts.clear("ann", OptionalLong.of(2));
        CartView cleared = carts.view("ann");
        assertEquals(List.of(), cleared.lines());
        assertEquals(3, cleared.version(), "an If-Match read before the clear cannot match the empty cart");
    }

    @Test
    void eachChangeKeepsTheCartThirtyDaysFromNow() {
        carts.setLine("ann", "lamp", 1, ANY);
        assertEquals(Instant.parse("2026-12-21T10:00:00Z").getEpochSecond(), store.expiresAt("ann"));
    }

    @Test
    void shoppersHaveTheirOwnCarts() {
        carts.setLine("ann", "lamp", 1, ANY);
        assertEquals(List.of(), carts.view("bob").lines());
    }
}
