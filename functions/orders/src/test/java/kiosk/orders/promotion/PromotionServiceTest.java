package kiosk.orders.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.money.Money;
import org.junit.jupiter.api.Test;

/** What a code takes off, and each reason it does not apply, on the in-memory store. */
class PromotionServiceTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPromotionStore store = new InMemoryPromotionStore();
    private final PromotionService promotions = new PromotionService(store, NOW);

    private Promotion with(String code, Promotion.Kind kind, Integer percent, Money amount, Money minimum, String from,
            String until, int max, int perCustomer, boolean active) {
        Promotion p = new Promotion(code, kind, percent, amount, minimum, from, until, max, perCustomer, 0, active,
                "2026-11-01T00:00:00Z", 1);
        store.create(p);
        return p;
    }

    private ProblemType refusal(String code, String currency, long subtotal) {
        return assertThrows(DomainException.class, () -> promotions.apply(code, "ann", currency, subtotal)).type();
    }

    @Test
    void aPercentageIsRoundedDownToTheMinorUnitAndAFixedAmountNeverPassesTheSubtotal() {
        with("P15", Promotion.Kind.PERCENT, 15, null, null, "2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z", 10, 1, true);
        assertEquals(149, promotions.apply("P15", "ann", "EUR", 999).discount(), "149.85 rounds down to 149");
        assertEquals(150, promotions.apply("P15", "ann", "EUR", 1000).discount());
        assertEquals(0, promotions.apply("P15", "ann", "EUR", 6).discount(), "0.9 rounds down to 0");
        with("FIVE", Promotion.Kind.FIXED, null, new Money(500L, "EUR"), null, "2026-11-01T00:00:00Z",
                "2027-01-01T00:00:00Z", 10, 1, true);
        assertEquals(500, promotions.apply("FIVE", "ann", "EUR", 2000).discount());
        assertEquals(300, promotions.apply("FIVE", "ann", "EUR", 300).discount(), "never more than the goods");
    }

    @Test
    void eachReasonACodeDoesNotApplyIsItsOwnProblem() {
        String from = "2026-11-01T00:00:00Z";
        String until = "2027-01-01T00:00:00Z";
        with("OFF", Promotion.Kind.PERCENT, 10, null, null, from, until, 10, 1, false);
        with("LATER", Promotion.Kind.PERCENT, 10, null, null, "2026-12-01T00:00:00Z", until, 10, 1, true);
        with("OVER", Promotion.Kind.PERCENT, 10, null, null, from, "2026-11-21T10:00:00Z", 10, 1, true);
        with("USED", Promotion.Kind.PERCENT, 10, null, null, from, until, 1, 1, true);
        store.redeem("USED", "bob");
        with("ONCE", Promotion.Kind.PERCENT, 10, null, null, from, until, 10, 1, true);
        store.redeem("ONCE", "ann");
        with("DOLLARS", Promotion.Kind.FIXED, null, new Money(500L, "USD"), null, from, until, 10, 1, true);
        with("BIG", Promotion.Kind.PERCENT, 10, null, new Money(5000L, "EUR"), from, until, 10, 1, true);

        assertEquals(PromotionProblems.UNKNOWN, refusal("NOSUCH", "EUR", 1000));
        assertEquals(PromotionProblems.UNKNOWN, refusal("<script>", "EUR", 1000), "a forged code is just unknown");
        assertEquals(PromotionProblems.INACTIVE, refusal("OFF", "EUR", 1000));
        assertEquals(PromotionProblems.NOT_YET_VALID, refusal("LATER", "EUR", 1000));
        assertEquals(PromotionProblems.EXPIRED, refusal("OVER", "EUR", 1000), "validUntil is exclusive");
        assertEquals(PromotionProblems.EXHAUSTED, refusal("USED", "EUR", 1000));
        assertEquals(PromotionProblems.LIMIT_REACHED, refusal("ONCE", "EUR", 1000));
        assertEquals(10, promotions.apply("ONCE", "bob", "EUR", 100).discount(), "the limit is per shopper");
        assertEquals(PromotionProblems.CURRENCY, refusal("DOLLARS", "EUR", 1000));
        assertEquals(PromotionProblems.MINIMUM_NOT_MET, refusal("BIG", "EUR", 4999));
        assertEquals(500, promotions.apply("BIG", "ann", "EUR", 5000).discount());
    }
}
