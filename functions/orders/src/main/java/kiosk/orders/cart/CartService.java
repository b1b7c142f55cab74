package kiosk.orders.cart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import kiosk.orders.cart.CartView.LineView;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.money.Money;

/**
 * A shopper's cart. Every change is read, checked and written back under the version read, and
 * retried on a conflict: two tabs adding different products both land, and neither overwrites
 * the other. A client that sends If-Match asks instead to be refused (412) when the cart moved.
 */
public final class CartService {

    /** Well below DynamoDB's 100 items a transaction: checkout writes a line each, plus five more. */
    public static final int MAX_LINES = 50;
    /** A cart untouched this long is removed (DynamoDB TTL). */
    public static final Duration LIFETIME = Duration.ofDays(30);
    /** Writers racing on one cart: each round, one of them wins. */
    static final int ROUNDS = 16;
    /** A change without If-Match that lost every round to the caller's own concurrent changes. */
    static final ProblemType BUSY = new ProblemType("cart-busy", 503, "Cart busy");
    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final CartStore carts;
    private final ProductCatalog catalog;
    private final Clock clock;

    public CartService(CartStore carts, ProductCatalog catalog, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.clock = clock;
    }

    public CartView view(String userId) {
        return present(carts.find(userId).orElse(Cart.empty(userId)));
    }

    /** Sets a line to {@code quantity} (1-99) of an active product, or removes it for 0. */
    public CartView setLine(String userId, String productId, int quantity, OptionalLong expected) {
        if (quantity == 0) {
            return removeLine(userId, productId, expected);
        }
        ProductSnapshot product = PRODUCT_ID.matcher(productId).matches()
                ? catalog.find(List.of(productId)).get(productId) : null;
        if (product == null || !product.active()) {
            throw new NotFoundException("No product " + (product == null ? "with that id" : productId) + ".");
        }
        String currency = product.price().currency();
        return change(userId, expected, cart -> {
            boolean alone = cart.lines().size() == 1 && cart.line(productId).isPresent();
            if (cart.currency() != null && !cart.currency().equals(currency) && !alone) {
                throw CartProblems.currencyMismatch(cart.currency(), currency);
            }
            if (cart.line(productId).isEmpty() && cart.lines().size() >= MAX_LINES) {
                throw CartProblems.full(MAX_LINES);
            }
            return cart.withLine(productId, quantity, currency, now());
        });
    }

    public CartView removeLine(String userId, String productId, OptionalLong expected) {
        return change(userId, expected, cart -> cart.line(productId).isEmpty() ? cart : cart.withLine(productId, 0, null, now()));
    }

    /** Empties the cart. It keeps its version, moved on, so an If-Match read before cannot match again. */
    public void clear(String userId, OptionalLong expected) {
        change(userId, expected, cart -> cart.lines().isEmpty() ? cart
                : new Cart(userId, List.of(), null, cart.version() + 1, now()));
    }

    private CartView change(String userId, OptionalLong expected, UnaryOperator<Cart> edit) {
        for (int round = 1; ; round++) {
            Cart current = carts.find(userId).orElse(Cart.empty(userId));
            if (expected.isPresent() && expected.getAsLong() != current.version()) {
                throw new VersionConflictException("The cart has changed since you read it: read it again.",
                        current.version());
            }
            Cart next = edit.apply(current);
            if (next == current) {
                return present(current);
            }
            try {
                carts.save(next, current.version(), Instant.now(clock).plus(LIFETIME).getEpochSecond());
                return present(next);
            } catch (VersionConflictException raced) {
                if (expected.isPresent()) {
                    throw raced;
                }
                if (round == ROUNDS) {
                    // The client set no precondition, so a 412 would blame one it never sent: the
                    // cart is busy with its other requests, and the same change may simply be sent again.
                    throw new RetryLaterException(BUSY, "The cart is being changed by other requests at this moment: send this "
                            + "change again.", 1);
                }
            }
        }
    }

    /** The cart at today's catalog prices; a line in another currency than the cart's is unavailable. */
    private CartView present(Cart cart) {
        Map<String, ProductSnapshot> products = cart.lines().isEmpty() ? Map.of()
                : catalog.find(cart.lines().stream().map(Cart.Line::productId).toList());
        List<LineView> lines = new ArrayList<>();
        long subtotal = 0;
        int items = 0;
        for (Cart.Line line : cart.lines()) {
            ProductSnapshot product = products.get(line.productId());
            Availability availability = product == null || !product.active()
                    || !product.price().currency().equals(cart.currency()) ? Availability.UNAVAILABLE
                    : product.stock() >= line.quantity() ? Availability.IN_STOCK : Availability.NOT_ENOUGH_STOCK;
            Money lineTotal = null;
            if (product != null && availability != Availability.UNAVAILABLE) {
                lineTotal = new Money(product.price().amount() * line.quantity(), cart.currency());
                subtotal += lineTotal.amount();
            }
            items += line.quantity();
            lines.add(new LineView(line.productId(), product == null ? null : product.name(),
                    product == null ? null : product.price(), line.quantity(), lineTotal, availability,
                    product == null || !product.active() ? 0 : product.stock()));
        }
        return new CartView(lines, cart.currency(), cart.currency() == null ? null : new Money(subtotal, cart.currency()),
                items, cart.version(), cart.updatedAt(), null, null);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
