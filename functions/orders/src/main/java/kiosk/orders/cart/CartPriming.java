package kiosk.orders.cart;

import java.util.OptionalLong;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.money.Money;

/**
 * What the cart primers seed. A primer first takes its request on the priming shopper's empty
 * cart (its reads go out and find nothing), then seeds {@link #PRODUCT} and a cart holding one of
 * it, both answered from memory and kept for the primer's round (kiosk.shared.aws.PrimingSandbox),
 * and takes the request again: so a found cart and its product are read, mapped and answered, as
 * in most real requests. Nothing in it is unique or ever stored.
 */
public final class CartPriming {

    static final String PRODUCT_ID = "snapstart-priming-product";
    static final Product PRODUCT = new Product(PRODUCT_ID, "Priming kettle", "Seeded in memory while priming, never stored.",
            "priming", new Money(1999L, "EUR"), 7, ProductStatus.ACTIVE, 1, "2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z");

    private CartPriming() {
    }

    static void emptyThenSeeded(Runnable request) {
        request.run();
        seed(OrdersWiring.catalog(), OrdersWiring.carts());
        request.run();
    }

    /** Seeds {@link #PRODUCT} and the priming shopper's cart holding one, through these stores (checkout's own). */
    public static void seed(DynamoDbProductCatalog catalog, CartService carts) {
        catalog.seedForPriming(PRODUCT);
        carts.setLine(PrimingEvent.USER, PRODUCT_ID, 1, OptionalLong.empty());
    }
}
