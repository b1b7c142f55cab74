package kiosk.orders.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shopper's cart as stored: lines in the order they were first added, the currency of its
 * products (empty while the cart is empty), and a version that every change moves by one.
 * Version 0 is a cart never stored.
 */
public record Cart(String userId, List<Line> lines, String currency, long version, String updatedAt) {

    /** A product and how many of it; 1-99. */
    public record Line(String productId, int quantity) {
    }

    public Cart {
        lines = List.copyOf(lines);
    }

    public static Cart empty(String userId) {
        return new Cart(userId, List.of(), null, 0, null);
    }

    public Optional<Line> line(String productId) {
        return lines.stream().filter(l -> l.productId().equals(productId)).findFirst();
    }

    /**
     * This cart with one line set (added at the end if new) or, for quantity 0, removed; its
     * currency follows, {@code productCurrency} being the set product's (null when removing).
     */
    public Cart withLine(String productId, int quantity, String productCurrency, String now) {
        List<Line> next = new ArrayList<>();
        boolean replaced = false;
        for (Line line : lines) {
            if (line.productId().equals(productId)) {
                replaced = true;
                if (quantity > 0) {
                    next.add(new Line(productId, quantity));
                }
            } else {
                next.add(line);
            }
        }
        if (!replaced && quantity > 0) {
            next.add(new Line(productId, quantity));
        }
        // The cart's currency is its products': it goes with the last line, and a line left alone
        // in the cart brings its product's own.
        boolean alone = next.size() == 1 && next.get(0).productId().equals(productId);
        String nextCurrency = next.isEmpty() ? null : alone && productCurrency != null ? productCurrency
                : currency != null ? currency : productCurrency;
        return new Cart(userId, next, nextCurrency, version + 1, now);
    }
}
