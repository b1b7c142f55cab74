package kiosk.orders.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.money.Money;
import org.junit.jupiter.api.Test;

/** What every PromotionStore does: run against the fake (InMemoryPromotionStoreTest) and DynamoDB (DynamoDbPromotionStoreIT). */
abstract class PromotionStoreContract {

    /** A store with no codes in it. */
    abstract PromotionStore emptyStore();

    static Promotion percent(String code, int percent) {
        return new Promotion(code, Promotion.Kind.PERCENT, percent, null, null, "2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z",
                5, 1, 0, true, "2026-11-01T00:00:00Z", 1);
    }

    static Promotion fixed(String code, long amount, String currency, long minimum) {
        return new Promotion(code, Promotion.Kind.FIXED, null, new Money(amount, currency), new Money(minimum, currency),
                "2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z", 100, 3, 0, true, "2026-11-01T00:00:00Z", 1);
    }

    @Test
    void aCodeReadsBackFieldForFieldAndTwiceIsAConflict() {
        PromotionStore store = emptyStore();
        Promotion percent = percent("WELCOME10", 10);
        Promotion fixed = fixed("FIVEOFF", 500, "EUR", 2000);
        store.create(percent);
        store.create(fixed);
        assertEquals(Optional.of(percent), store.find("WELCOME10"));
        assertEquals(Optional.of(fixed), store.find("FIVEOFF"));
        assertEquals(Optional.empty(), store.find("NOPE"));
        assertThrows(ConflictException.class, () -> store.create(percent("WELCOME10", 50)));
        assertEquals(10, store.find("WELCOME10").orElseThrow().percentOff());
        assertEquals(0, store.redeemedBy("WELCOME10", "ann"));
    }

    @Test
    void codesListInCodeOrderPageByPage() {
        PromotionStore store = emptyStore();
        for (String code : List.of("CHARLIE", "ALPHA", "ECHO", "BRAVO", "DELTA")) {
            store.create(percent(code, 5));
        }
        List<String> codes = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            PromotionStore.Page page = store.list(2, after);
            page.items().forEach(p -> codes.add(p.code()));
            after = page.next();
        } while (after.isPresent());
        assertEquals(List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO"), codes);
    }

    @Test
    void deactivatingStopsACodeOnceAndAnUnknownCodeIs404() {
        PromotionStore store = emptyStore();
        store.create(percent("SPRING", 15));
        Promotion off = store.deactivate("SPRING");
        assertFalse(off.active());
        assertEquals(2, off.version());
        assertEquals(off, store.deactivate("SPRING"), "again is a no-op");
        assertEquals(off, store.find("SPRING").orElseThrow());
        assertThrows(NotFoundException.class, () -> store.deactivate("NEVER"));
    }
}
