package kiosk.orders.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.money.Money;

/** The checkout's world in DynamoDB Local, as template.yaml declares it: products, carts, orders, keys. */
final class Shop {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final ShippingRates RATES = ShippingRates.parse("EUR:495:5000,USD:595:7500");

    final LocalAws aws;
    final DynamoDbProductStore products;
    final DynamoDbCartStore cartStore;
    final CartService carts;
    final DynamoDbOrderStore orders;
    final DynamoDbPromotionStore promotionStore;
    final PromotionService promotions;
    final CheckoutService checkout;

    /** A checkout over this shop's tables, on {@code clock}. */
    CheckoutService checkoutAt(Clock clock) {
        return new CheckoutService(cartStore, new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable")),
                orders, promotions, RATES, clock, () -> UUID.randomUUID().toString());
    }

    static DynamoDbOrderStore.Tables tables(LocalAws aws) {
        return new DynamoDbOrderStore.Tables(aws.tableName("OrdersTable"), aws.tableName("ProductsTable"),
                aws.tableName("CartsTable"), aws.tableName("IdempotencyTable"), aws.tableName("PromotionsTable"),
                aws.tableName("UsersTable"));
    }

    Shop(LocalAws aws) {
        this.aws = aws;
        this.products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        this.cartStore = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        DynamoDbProductCatalog catalog = new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable"));
        this.carts = new CartService(cartStore, catalog, CLOCK);
        this.orders = new DynamoDbOrderStore(aws.dynamoDb(), tables(aws));
        this.promotionStore = new DynamoDbPromotionStore(aws.dynamoDb(), aws.tableName("PromotionsTable"));
        this.promotions = new PromotionService(promotionStore, CLOCK);
        this.checkout = checkoutAt(CLOCK);
    }

    String product(String name, long price, String currency, int stock) {
        String id = UUID.randomUUID().toString();
        products.create(new Product(id, name, "", "misc", new Money(price, currency), stock, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        return id;
    }

    int stock(String productId) {
        return products.find(productId).orElseThrow().stock();
    }

    String shopperWith(String productId, int quantity) {
        String user = "shopper-" + UUID.randomUUID();
        carts.setLine(user, productId, quantity, OptionalLong.empty());
        return user;
    }

    static CheckoutInput input() {
        return new CheckoutInput(new Address("Ann Example", List.of("Hauptstrasse 1"), "Berlin", "10115", "DE"), null,
                "pm_card_visa", null);
    }

    static CheckoutInput expecting(long total, String currency) {
        CheckoutInput base = input();
        return new CheckoutInput(base.shippingAddress(), null, base.paymentMethod(), new Money(total, currency));
    }

    long ordersOf(String userId) {
        return aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("OrdersTable"))).items().stream()
                .filter(item -> item.get("userId").s().equals(userId)).count();
    }
}
