package kiosk.fulfilment.shipping;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.LocalAws;
import kiosk.orders.cart.CartService;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.cart.DynamoDbProductCatalog;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.CheckoutInput;
import kiosk.orders.checkout.CheckoutService;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.ShippingRates;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.money.Money;

/** Orders placed through the real checkout and paid through the real store, in the template's tables. */
final class PaidOrders {

    private final LocalAws aws;
    private final Clock clock;
    final DynamoDbOrderStore orders;

    PaidOrders(LocalAws aws, Clock clock) {
        this.aws = aws;
        this.clock = clock;
        this.orders = new DynamoDbOrderStore(aws.dynamoDb(), new DynamoDbOrderStore.Tables(aws.tableName("OrdersTable"),
                aws.tableName("ProductsTable"), aws.tableName("CartsTable"), aws.tableName("IdempotencyTable"),
                aws.tableName("PromotionsTable")));
    }

    /** A new shopper's order of one unit of a new product, charged and PAID. */
    Order paid() {
        Order placed = placed();
        return orders.markPaid(placed, "ch_" + placed.id(), clock.instant().toString());
    }

    Order placed() {
        DynamoDbProductStore products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        String product = UUID.randomUUID().toString();
        products.create(new Product(product, "Lamp", "", "misc", new Money(1500L, "EUR"), 5, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        DynamoDbCartStore carts = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        DynamoDbProductCatalog catalog = new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable"));
        String shopper = "shopper-" + UUID.randomUUID();
        new CartService(carts, catalog, clock).setLine(shopper, product, 1, OptionalLong.empty());
        return new CheckoutService(carts, catalog, orders, new PromotionService(new DynamoDbPromotionStore(aws.dynamoDb(),
                aws.tableName("PromotionsTable")), clock), ShippingRates.parse("EUR:495:5000"), clock,
                () -> UUID.randomUUID().toString())
                .checkout(shopper, "k", new CheckoutInput(new Address("Sam", List.of("1 Sample Road"), "Leeds", "LS1 1AA",
                        "GB"), null, "pm_card_visa", null)).order();
    }

    Order find(String orderId) {
        return orders.find(orderId).orElseThrow();
    }
}
