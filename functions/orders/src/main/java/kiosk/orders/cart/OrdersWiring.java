package kiosk.orders.cart;

import java.time.Clock;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.shared.ratelimit.RateLimiter;
import kiosk.shared.ratelimit.RateLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, on one DynamoDB client (GET /cart reads carts, products and promotions through it).
 */
final class OrdersWiring {

    private OrdersWiring() {
    }

    static CartService carts() {
        return Carts.SERVICE;
    }

    /** The catalog the cart functions read (a primer seeds its product through it). */
    static DynamoDbProductCatalog catalog() {
        return Carts.CATALOG;
    }

    /** The cart writes' one limit per shopper (RATE_LIMIT), counted in RATE_LIMITS_TABLE. */
    static RateLimiter cartLimiter() {
        return RateLimits.fromConfig(Clients.CONFIG, Clients.DYNAMODB, "cart");
    }

    static PromotionService promotions() {
        return Promotions.SERVICE;
    }

    private static final class Clients {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
    }

    /** Only GET /cart reads promotions (its preview); the other cart functions are not given the table. */
    private static final class Promotions {
        static final PromotionService SERVICE = new PromotionService(new DynamoDbPromotionStore(Clients.DYNAMODB,
                Clients.CONFIG.require("PROMOTIONS_TABLE")), Clock.systemUTC());
    }

    private static final class Carts {
        static final DynamoDbProductCatalog CATALOG = new DynamoDbProductCatalog(Clients.DYNAMODB,
                Clients.CONFIG.require("PRODUCTS_TABLE"));
        static final CartService SERVICE = new CartService(new DynamoDbCartStore(Clients.DYNAMODB,
                Clients.CONFIG.require("CARTS_TABLE")), CATALOG, Clock.systemUTC());
    }
}
