package kiosk.orders.checkout;

import java.time.Clock;
import java.util.UUID;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.cart.DynamoDbProductCatalog;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the no-argument handler constructors use: built once per execution environment, on first use. */
final class CheckoutWiring {

    private CheckoutWiring() {
    }

    static CheckoutService checkout() {
        return Checkout.SERVICE;
    }

    private static final class Checkout {
        static final CheckoutService SERVICE = build();

        private static CheckoutService build() {
            Config config = Config.fromEnvironment();
            DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), config);
            DynamoDbOrderStore.Tables tables = new DynamoDbOrderStore.Tables(config.require("ORDERS_TABLE"),
                    config.require("PRODUCTS_TABLE"), config.require("CARTS_TABLE"), config.require("IDEMPOTENCY_TABLE"));
            return new CheckoutService(new DynamoDbCartStore(dynamoDb, tables.carts()),
                    new DynamoDbProductCatalog(dynamoDb, tables.products()), new DynamoDbOrderStore(dynamoDb, tables),
                    ShippingRates.parse(config.require("SHIPPING_RATES")), Clock.systemUTC(),
                    () -> UUID.randomUUID().toString());
        }
    }
}
