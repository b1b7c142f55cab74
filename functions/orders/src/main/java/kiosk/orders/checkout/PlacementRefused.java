package kiosk.orders.checkout;

import java.util.List;

/** Why a placement's transaction was cancelled, as the store read it from the cancellation reasons. */
public final class PlacementRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** One or more products have fewer units than the order takes, or are no longer active. */
        STOCK_SHORT,
        /** The cart moved on since it was priced (another tab, or a checkout that won). */
        CART_CHANGED,
        /** The Idempotency-Key has been used: by this request's twin, or by another request. */
        KEY_TAKEN,
        /** The promotion code can no longer be redeemed (used up, expired, deactivated meanwhile). */
        PROMOTION,
        /** The shopper has redeemed the code as often as it allows. */
        PROMOTION_LIMIT,
        /** The account is being erased (or was): no order can be placed for it. */
        ACCOUNT_ERASED,
        /** Another transaction held an item: nothing is wrong, try again. */
        CONFLICT
    }

    private final Reason reason;
    private final transient List<String> shortProducts;

    public PlacementRefused(Reason reason, List<String> shortProducts) {
        super(reason + " " + shortProducts, null, false, false);
        this.reason = reason;
        this.shortProducts = List.copyOf(shortProducts);
    }

    public Reason reason() {
        return reason;
    }

    /** For STOCK_SHORT: the products that are short, in the order's line order. */
    public List<String> shortProducts() {
        return shortProducts;
    }
}
