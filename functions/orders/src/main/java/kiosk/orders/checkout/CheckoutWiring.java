package kiosk.orders.checkout;

import java.time.Clock;
import java.util.Map;
import kiosk.orders.cart.CartPriming;
import kiosk.orders.cart.CartService;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.cart.DynamoDbProductCatalog;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.ratelimit.RateLimiter;
import kiosk.shared.ratelimit.RateLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, and only what the function's own handler needs (the order routes have no cart, keys or queue).
 */
final class CheckoutWiring {

    private CheckoutWiring() {
    }

    static CheckoutService checkout() {
        return Checkout.SERVICE;
    }

    /** POST /checkout's limit per shopper (RATE_LIMIT), counted in RATE_LIMITS_TABLE. */
    static RateLimiter limiter() {
        return RateLimits.fromConfig(Clients.CONFIG, Clients.DYNAMODB, "checkout");
    }

    /** The order functions' store, for their primers' seeding (OrderPriming). */
    static OrderStore orderStore() {
        return Orders.STORE;
    }

    static OrderService orders() {
        return Orders.SERVICE;
    }

    static OrderAnnouncer announcer() {
        return Announcer.INSTANCE;
    }

    private static final class Clients {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);

        /** The tables a function's template environment names; those it is not given stay empty. */
        static DynamoDbOrderStore.Tables tables() {
            return new DynamoDbOrderStore.Tables(CONFIG.require("ORDERS_TABLE"), CONFIG.optional("PRODUCTS_TABLE").orElse(""),
                    CONFIG.optional("CARTS_TABLE").orElse(""), CONFIG.optional("IDEMPOTENCY_TABLE").orElse(""),
                    CONFIG.optional("PROMOTIONS_TABLE").orElse(""), CONFIG.optional("USERS_TABLE").orElse(""));
        }
    }

    /** Apart from {@link Clients}: the announcing function talks to SQS only, and builds no DynamoDB client. */
    private static final class Announcer {
        static final Config CONFIG = Config.fromEnvironment();
        static final OrderAnnouncer INSTANCE = new OrderAnnouncer(new SqsOrderQueue(
                AwsClients.build(SqsClient.builder(), CONFIG), Map.of(
                        OrderAnnouncer.Destination.PAYMENTS, CONFIG.require("ORDERS_QUEUE_URL"),
                        OrderAnnouncer.Destination.FULFILMENT, CONFIG.require("FULFILMENT_QUEUE_URL"),
                        OrderAnnouncer.Destination.NOTIFICATIONS, CONFIG.require("NOTIFICATIONS_QUEUE_URL"))));
    }

    /** Checkout's primer: the priming shopper's cart and its product, through checkout's own stores. */
    static void seedCartForPriming() {
        CartPriming.seed(Checkout.CATALOG, new CartService(Checkout.CARTS, Checkout.CATALOG, Clock.systemUTC()));
    }

    private static final class Checkout {
        static final DynamoDbCartStore CARTS = new DynamoDbCartStore(Clients.DYNAMODB, Clients.tables().carts());
        static final DynamoDbProductCatalog CATALOG = new DynamoDbProductCatalog(Clients.DYNAMODB, Clients.tables().products());
        static final CheckoutService SERVICE = build();

        private static CheckoutService build() {
            DynamoDbOrderStore.Tables tables = Clients.tables();
            return new CheckoutService(CARTS, CATALOG,
                    new DynamoDbOrderStore(Clients.DYNAMODB, tables),
                    new PromotionService(new DynamoDbPromotionStore(Clients.DYNAMODB, tables.promotions()), Clock.systemUTC()),
                    ShippingRates.parse(Clients.CONFIG.require("SHIPPING_RATES")), Clock.systemUTC(),
                    SnapStart::randomUuid);
        }
    }

    private static final class Orders {
        static final OrderStore STORE = new DynamoDbOrderStore(Clients.DYNAMODB, Clients.tables());
        static final OrderService SERVICE = new OrderService(STORE, Clock.systemUTC());
    }
}
