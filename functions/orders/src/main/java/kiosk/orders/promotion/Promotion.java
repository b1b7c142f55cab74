package kiosk.orders.promotion;

import kiosk.shared.money.Money;

/**
 * A promotion code: a percentage off (rounded down to the minor unit, so a shopper never gets
 * more than the stated percentage) or a fixed amount off in one currency (never more than the
 * subtotal); an optional minimum subtotal; a validity window [validFrom, validUntil); a limit on
 * redemptions in all and per shopper. Redemptions are counted in the checkout's transaction.
 */
public record Promotion(String code, Kind kind, Integer percentOff, Money amountOff, Money minSubtotal, String validFrom,
                        String validUntil, int maxRedemptions, int perCustomerLimit, long redemptions, boolean active,
                        String createdAt, long version) {

    public enum Kind {
        PERCENT, FIXED
    }

    /** The discount on {@code subtotal} minor units, before any check of validity or limits. */
    public long discountOn(long subtotal) {
        return kind == Kind.PERCENT ? subtotal * percentOff / 100 : Math.min(amountOff.amount(), subtotal);
    }
}
