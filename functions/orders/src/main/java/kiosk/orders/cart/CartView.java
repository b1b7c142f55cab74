package kiosk.orders.cart;

import java.util.List;
import kiosk.shared.money.Money;

/**
 * GET /cart's body: each line priced at the catalog's current price, the subtotal of the lines
 * that can be bought, and the version (also the ETag).
 */
public record CartView(List<LineView> lines, String currency, Money subtotal, int itemCount, long version,
                       String updatedAt, String promoCode, Money discount) {

    /** This view with a code's discount, as GET /cart?promoCode= previews it. */
    public CartView withPromotion(String code, long amount) {
        return new CartView(lines, currency, subtotal, itemCount, version, updatedAt, code, new Money(amount, currency));
    }

    /** A line; name and unitPrice are null only for a product that no longer exists at all. */
    public record LineView(String productId, String name, Money unitPrice, int quantity, Money lineTotal,
                           Availability availability, int inStock) {
    }
}
