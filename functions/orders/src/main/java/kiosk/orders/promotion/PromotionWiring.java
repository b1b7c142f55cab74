package kiosk.orders.promotion;

import java.time.Clock;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the no-argument admin handler constructors use: built once per execution environment, on first use. */
final class PromotionWiring {

    private PromotionWiring() {
    }

    static PromotionService promotions() {
        return Promotions.SERVICE;
    }

    private static final class Promotions {
        static final PromotionService SERVICE = build();

        private static PromotionService build() {
            Config config = Config.fromEnvironment();
            return new PromotionService(new DynamoDbPromotionStore(AwsClients.build(DynamoDbClient.builder(), config),
                    config.require("PROMOTIONS_TABLE")), Clock.systemUTC());
        }
    }
}
