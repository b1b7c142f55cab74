package kiosk.catalog.product;

import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, so a function builds only what its own handler needs (the cursor key only for listing).
 */
final class CatalogWiring {

    private CatalogWiring() {
    }

    static ProductStore store() {
        return Store.INSTANCE;
    }

    static Cursors cursors() {
        return Keys.CURSORS;
    }

    private static final class Store {
        static final ProductStore INSTANCE = build();

        private static ProductStore build() {
            Config config = Config.fromEnvironment();
            return new DynamoDbProductStore(AwsClients.build(DynamoDbClient.builder(), config),
                    config.require("PRODUCTS_TABLE"));
        }
    }

    private static final class Keys {
        static final Cursors CURSORS = Cursors.fromSecret(Config.fromEnvironment().require("CURSOR_KEY"));
    }
}
