package kiosk.orders.checkout;

import java.util.List;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.FieldError;
import kiosk.shared.error.ProblemType;

/** Checkout's own refusals, each a problem type a client can switch on. Nothing is written for any of them. */
public final class CheckoutProblems {

    public static final ProblemType CART_EMPTY = new ProblemType("cart-empty", 409, "Cart empty");
    public static final ProblemType INSUFFICIENT_STOCK = new ProblemType("insufficient-stock", 409, "Insufficient stock");
    public static final ProblemType PRICE_CHANGED = new ProblemType("price-changed", 409, "Price changed");
    public static final ProblemType CART_CHANGED = new ProblemType("cart-changed", 409, "Cart changed");
    public static final ProblemType ACCOUNT_ERASED = new ProblemType("account-erased", 409, "Account erased");
    public static final ProblemType KEY_REUSED = new ProblemType("idempotency-key-reused", 422, "Idempotency key reused");
    public static final ProblemType TOO_MANY_PENDING = new ProblemType("too-many-pending-orders", 409,
            "Too many orders awaiting payment");
    public static final ProblemType KEY_IN_USE = new ProblemType("idempotency-key-in-use", 409, "Idempotency key in use");

    private CheckoutProblems() {
    }

    /** One error per short line, its pointer the cart line's index: "/lines/2". */
    static DomainException insufficientStock(List<FieldError> lines) {
        return new DomainException(INSUFFICIENT_STOCK, lines.size() == 1 ? "A line of the cart cannot be filled."
                : lines.size() + " lines of the cart cannot be filled.", lines);
    }
}
