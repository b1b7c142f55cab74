package kiosk.orders.promotion;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kiosk.orders.PageSize;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.NotFoundException;

/** Promotion codes: admins create, read, list and deactivate them; carts and checkouts apply them. */
public final class PromotionService {

    /** A code that applies, and what it takes off. */
    public record Applied(Promotion promotion, long discount) {
    }

    public record PromotionPage(List<Promotion> items, String nextCursor) {
    }

    private final PromotionStore store;
    private final Clock clock;

    public PromotionService(PromotionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Promotion create(PromotionInput input) {
        Promotion.Kind kind = Promotion.Kind.valueOf(input.kind());
        Promotion promotion = new Promotion(input.code(), kind, input.percentOff(), input.amountOff(), input.minSubtotal(),
                Instant.parse(input.validFrom()).toString(), Instant.parse(input.validUntil()).toString(),
                input.maxRedemptions(), input.perCustomerLimit() == null ? 1 : input.perCustomerLimit(), 0, true,
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(), 1);
        store.create(promotion);
        return promotion;
    }

    public Promotion get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No promotion " + code + "."));
    }

    public PromotionPage list(Optional<String> limit, Optional<String> cursor) {
        int size = PageSize.of(limit);
        cursor.ifPresent(code -> {
            if (!PromotionInput.CODE.matcher(code).matches()) {
                throw new BadRequestException("cursor is not one this API returned.");
            }
        });
        PromotionStore.Page page = store.list(size, cursor);
        return new PromotionPage(page.items(), page.next().orElse(null));
    }

    public Promotion deactivate(String code) {
        if (!PromotionInput.CODE.matcher(code).matches()) {
            throw new NotFoundException("No promotion with that code.");
        }
        return store.deactivate(code);
    }

    /**
     * What {@code code} takes off a cart of {@code subtotal} minor units in {@code currency} for
     * this shopper now, or the first reason it cannot: unknown, inactive, not yet valid, expired,
     * used up, used up by this shopper, in another currency, under its minimum. Checked again by
     * the checkout's transaction, which is what counts a redemption.
     */
    public Applied apply(String code, String userId, String currency, long subtotal) {
        Promotion p = find(code).orElseThrow(() -> PromotionProblems.of(PromotionProblems.UNKNOWN,
                "There is no promotion code " + code + "."));
        Instant now = Instant.now(clock);
        if (!p.active()) {
            throw PromotionProblems.of(PromotionProblems.INACTIVE, "The code " + code + " is no longer offered.");
        }
        if (now.isBefore(Instant.parse(p.validFrom()))) {
            throw PromotionProblems.of(PromotionProblems.NOT_YET_VALID, "The code " + code + " is valid from " + p.validFrom() + ".");
        }
        if (!now.isBefore(Instant.parse(p.validUntil()))) {
            throw PromotionProblems.of(PromotionProblems.EXPIRED, "The code " + code + " expired at " + p.validUntil() + ".");
        }
        if (p.redemptions() >= p.maxRedemptions()) {
            throw PromotionProblems.of(PromotionProblems.EXHAUSTED, "The code " + code + " has been used as often as it can be.");
        }
        if (store.redeemedBy(code, userId) >= p.perCustomerLimit()) {
            throw PromotionProblems.of(PromotionProblems.LIMIT_REACHED, "You have used the code " + code + " "
                    + p.perCustomerLimit() + (p.perCustomerLimit() == 1 ? " time" : " times") + " already.");
        }
        String own = p.amountOff() != null ? p.amountOff().currency() : p.minSubtotal() != null ? p.minSubtotal().currency() : null;
        if (own != null && !own.equals(currency)) {
            throw PromotionProblems.of(PromotionProblems.CURRENCY, "The code " + code + " is for carts in " + own + ".");
        }
        if (p.minSubtotal() != null && subtotal < p.minSubtotal().amount()) {
            throw PromotionProblems.of(PromotionProblems.MINIMUM_NOT_MET, "The code " + code + " needs a subtotal of at least "
                    + p.minSubtotal().amount() + " " + p.minSubtotal().currency() + " (minor units).");
        }
        return new Applied(p, p.discountOn(subtotal));
    }

    private Optional<Promotion> find(String code) {
        return PromotionInput.CODE.matcher(code).matches() ? store.find(code) : Optional.empty();
    }
}
