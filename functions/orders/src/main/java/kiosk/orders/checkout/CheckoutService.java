package kiosk.orders.checkout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import kiosk.orders.cart.Cart;
import kiosk.orders.cart.CartService;
import kiosk.orders.cart.CartStore;
import kiosk.orders.cart.ProductCatalog;
import kiosk.orders.cart.ProductSnapshot;
import kiosk.orders.promotion.Promotion;
import kiosk.orders.promotion.PromotionProblems;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.FieldError;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.json.JsonWriter;
import kiosk.shared.log.Log;
import kiosk.shared.money.Money;

/**
 * Checkout: the shopper's cart priced from the catalog at this moment, placed as one order in one
 * transaction (stock, order, cart, Idempotency-Key), once per key however often it is sent.
 *
 * <p>Idempotency follows Stripe's semantics: the same key with the same body answers the order it
 * placed (marked as a replay); the same key with another body is a 422; a key belongs to its
 * shopper and is kept 24 hours. Requests racing with one key place one order: the key's
 * condition lets one transaction through, and the others answer its order.
 */
public final class CheckoutService {

    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    /**
     * Orders a shopper may have awaiting payment at once: with the expiry of unpaid orders, this
     * bounds the stock one shopper can hold without paying.
     */
    public static final int MAX_PENDING_ORDERS = 5;
    /** Transactions cancelled by a conflict with another are tried again this many times in all. */
    static final int ROUNDS = 8;
    private static final ProblemType BUSY = new ProblemType("checkout-busy", 503, "Checkout busy");

    /** The order placed, and whether it was placed by an earlier request with the same key. */
    public record Result(Order order, boolean replayed) {
    }

    private final CartStore carts;
    private final ProductCatalog catalog;
    private final OrderStore orders;
    private final PromotionService promotions;
    private final ShippingRates shipping;
    private final Clock clock;
    private final Supplier<String> ids;

    public CheckoutService(CartStore carts, ProductCatalog catalog, OrderStore orders, PromotionService promotions,
            ShippingRates shipping, Clock clock, Supplier<String> ids) {
        this.carts = carts;
        this.catalog = catalog;
        this.orders = orders;
        this.promotions = promotions;
        this.shipping = shipping;
        this.clock = clock;
        this.ids = ids;
    }

    public Result checkout(String userId, String idempotencyKey, CheckoutInput input) {
        String hash = hash(input);
        for (int round = 1; ; round++) {
            // No look-up of the key first: a first request (the usual case) goes straight to its
            // transaction, whose condition on the key is what decides; every refusal below looks
            // for an earlier order with this key before answering anything else.
            Cart cart = carts.find(userId).orElse(Cart.empty(userId));
            Priced priced;
            try {
                priced = price(userId, cart, input);
            } catch (DomainException refused) {
                // An empty cart or a sold-out line may be this request's twin having just placed
                // the order: then that order is the answer.
                return replay(userId, idempotencyKey, hash).orElseThrow(() -> refused);
            }
            Order order = priced.order();
            Instant now = Instant.parse(order.createdAt());
            try {
                orders.place(new Placement(order, cart.version(), idempotencyKey, hash,
                        now.plus(KEY_LIFETIME).getEpochSecond(), now.plus(CartService.LIFETIME).getEpochSecond(),
                        priced.promotion(), Log.requestId().orElse(null)));
                return new Result(order, false);
            } catch (PlacementRefused refused) {
                switch (refused.reason()) {
                    case KEY_TAKEN -> {
                        return replay(userId, idempotencyKey, hash).orElseThrow(() -> new DomainException(
                                CheckoutProblems.KEY_IN_USE, "This Idempotency-Key is being used by another request."));
                    }
                    case STOCK_SHORT -> throw shortLines(cart, refused.shortProducts());
                    case ACCOUNT_ERASED -> throw new DomainException(CheckoutProblems.ACCOUNT_ERASED,
                            "This account is being erased: no order can be placed for it.");
                    case PROMOTION, PROMOTION_LIMIT -> {
                        // Redeemed up to its limit by checkouts racing this one: say why, as the preview would.
                        promotions.apply(input.promoCode(), userId, order.currency(), order.totals().subtotal());
                        throw new DomainException(refused.reason() == PlacementRefused.Reason.PROMOTION
                                ? PromotionProblems.EXHAUSTED : PromotionProblems.LIMIT_REACHED,
                                "The code " + input.promoCode() + " was used up while checking out.");
                    }
                    case CART_CHANGED, CONFLICT -> {
                        // Another tab changed the cart, or a twin request placed it: answer the
                        // twin's order, or price the cart again as it is now.
                        Optional<Result> twin = replay(userId, idempotencyKey, hash);
                        if (twin.isPresent()) {
                            return twin.get();
                        }
                        if (round == ROUNDS) {
                            throw new RetryLaterException(BUSY, "The shop is busy: try again with the same Idempotency-Key.", 1);
                        }
                        pause(round);
                    }
                }
            }
        }
    }

    /** An order priced, and the promotion it redeems (null without a code). */
    private record Priced(Order order, Promotion promotion) {
    }

    /** The order this cart makes now: the catalog's prices, the promotion, the shipping rate, the totals. */
    private Priced price(String userId, Cart cart, CheckoutInput input) {
        if (cart.lines().isEmpty()) {
            throw new DomainException(CheckoutProblems.CART_EMPTY, "The cart is empty: add a product before checking out.");
        }
        long pending = orders.listByUser(userId, 2 * MAX_PENDING_ORDERS, Optional.empty()).items().stream()
                .filter(order -> order.status() == OrderStatus.PENDING_PAYMENT).count();
        if (pending >= MAX_PENDING_ORDERS) {
            throw new DomainException(CheckoutProblems.TOO_MANY_PENDING, "You have " + pending
                    + " orders awaiting payment: pay or cancel one before placing another.");
        }
        Map<String, ProductSnapshot> products = catalog.find(cart.lines().stream().map(Cart.Line::productId).toList());
        List<FieldError> short_ = new ArrayList<>();
        List<Order.Line> lines = new ArrayList<>();
        long subtotal = 0;
        for (int i = 0; i < cart.lines().size(); i++) {
            Cart.Line line = cart.lines().get(i);
            ProductSnapshot product = products.get(line.productId());
            Optional<String> problem = problem(product, line, cart.currency());
            if (problem.isPresent()) {
                short_.add(new FieldError("/lines/" + i, problem.get()));
                continue;
            }
            long lineTotal = product.price().amount() * line.quantity();
            subtotal += lineTotal;
            lines.add(new Order.Line(product.id(), product.name(), product.price(), line.quantity(),
                    new Money(lineTotal, cart.currency())));
        }
        if (!short_.isEmpty()) {
            throw CheckoutProblems.insufficientStock(short_);
        }
        PromotionService.Applied applied = input.promoCode() == null ? null
                : promotions.apply(input.promoCode(), userId, cart.currency(), subtotal);
        long discount = applied == null ? 0 : applied.discount();
        long shippingCost = shipping.shipping(cart.currency(), subtotal - discount);
        Order.Totals totals = new Order.Totals(subtotal, discount, shippingCost, subtotal - discount + shippingCost);
        Money expected = input.expectedTotal();
        if (expected != null && (expected.amount() != totals.total() || !expected.currency().equals(cart.currency()))) {
            throw new DomainException(CheckoutProblems.PRICE_CHANGED, "The total is now " + totals.total() + " "
                    + cart.currency() + " (minor units), not " + expected.amount() + " " + expected.currency()
                    + ": show the shopper the new total and send it as expectedTotal.");
        }
        String now = Timestamps.of(Instant.now(clock));
        return new Priced(new Order(ids.get(), userId, OrderStatus.PENDING_PAYMENT, lines, cart.currency(), totals,
                input.promoCode(), input.shippingAddress().trimmed(), input.paymentMethod(), 1, now, now, null, null),
                applied == null ? null : applied.promotion());
    }

    private static Optional<String> problem(ProductSnapshot product, Cart.Line line, String currency) {
        if (product == null || !product.active()) {
            return Optional.of("is no longer sold");
        }
        if (!product.price().currency().equals(currency)) {
            return Optional.of("is now priced in " + product.price().currency());
        }
        if (product.stock() < line.quantity()) {
            return Optional.of(product.stock() == 0 ? "is out of stock" : "only " + product.stock() + " left");
        }
        return Optional.empty();
    }

    /** The transaction found these products short: say so for each line, with what is left now. */
    private DomainException shortLines(Cart cart, List<String> productIds) {
        Map<String, ProductSnapshot> products = catalog.find(productIds);
        List<FieldError> lines = new ArrayList<>();
        for (int i = 0; i < cart.lines().size(); i++) {
            Cart.Line line = cart.lines().get(i);
            if (productIds.contains(line.productId())) {
                ProductSnapshot product = products.get(line.productId());
                lines.add(new FieldError("/lines/" + i, problem(product, line, cart.currency())
                        .orElse("was sold out while checking out")));
            }
        }
        return CheckoutProblems.insufficientStock(lines);
    }

    private Optional<Result> replay(String userId, String idempotencyKey, String hash) {
        return orders.findKey(userId, idempotencyKey).map(record -> {
            if (!record.requestHash().equals(hash)) {
                throw new DomainException(CheckoutProblems.KEY_REUSED,
                        "This Idempotency-Key was used with a different request: use a new key for a new checkout.");
            }
            return new Result(orders.find(record.orderId()).orElseThrow(), true);
        });
    }

    /**
     * The body as canonical JSON, hashed: the same request however its keys were ordered or spaced,
     * and with the address as it is stored (trimmed), so "Berlin " repeats "Berlin".
     */
    static String hash(CheckoutInput input) {
        CheckoutInput stored = new CheckoutInput(input.shippingAddress().trimmed(), input.promoCode(), input.paymentMethod(),
                input.expectedTotal());
        // Nulls written, as databind wrote this before: a retry across a deploy hashes the same.
        byte[] canonical = JsonWriter.writeWithNulls(stored).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(int round) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
