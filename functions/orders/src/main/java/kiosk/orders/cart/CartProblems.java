package kiosk.orders.cart;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** The cart's own refusals, each a problem type a client can switch on. */
public final class CartProblems {

    public static final ProblemType CURRENCY_MISMATCH = new ProblemType("currency-mismatch", 409, "Currency mismatch");
    public static final ProblemType CART_FULL = new ProblemType("cart-full", 409, "Cart full");

    private CartProblems() {
    }

    static DomainException currencyMismatch(String cart, String product) {
        return new DomainException(CURRENCY_MISMATCH, "This cart is in " + cart + " and the product is priced in "
                + product + ": check out or empty the cart first.");
    }

    static DomainException full(int max) {
        return new DomainException(CART_FULL, "A cart holds at most " + max + " different products.");
    }
}
