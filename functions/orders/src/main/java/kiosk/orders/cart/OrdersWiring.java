package kiosk.orders.cart;

import java.time.Clock;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the no-argument handler constructors use: built once per execution environment, on first use. */
final class OrdersWiring {

    private OrdersWiring() {
    }

    static CartService carts() {
        return Carts.SERVICE;
    }

    static PromotionService promotions() {
        return Promotions.SERVICE;
    }

    /** Only GET /cart reads promotions (its preview); the other cart functions are not given the table. */
    private static final class Promotions {
        static final PromotionService SERVICE = build();

        private static PromotionService build() {
            Config config = Config.fromEnvironment();
            return new PromotionService(new DynamoDbPromotionStore(AwsClients.build(DynamoDbClient.builder(), config),
                    config.require("PROMOTIONS_TABLE")), Clock.systemUTC());
        }
    }

    private static final class Carts {
        static final CartService SERVICE = build();

        private static CartService build() {
            Config config = Config.fromEnvironment();
            DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), config);
            return new CartService(new DynamoDbCartStore(dynamoDb, config.require("CARTS_TABLE")),
                    new DynamoDbProductCatalog(dynamoDb, config.require("PRODUCTS_TABLE")), Clock.systemUTC());
        }
    }
}
