package kiosk.catalog.product;

import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, so a function builds only what its own handler needs (the cursor key only for listing).
 */
final class CatalogWiring {

    private CatalogWiring() {
    }

    /**
     * The public catalog's caching: 30 s fresh, then served stale for up to 5 minutes while a
     * CDN revalidates (a 304 when nothing changed). Stock shown may lag a sale by that much;
     * checkout reads the live stock, so nothing oversells.
     */
    static final String PUBLIC_CACHE_CONTROL = "public, max-age=30, stale-while-revalidate=300";

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

    /**
     * The cursor key is read from Secrets Manager at init, as the signing key is: an environment
     * variable would be readable with lambda:GetFunctionConfiguration, copied into every published
     * version, and rotated only by redeploying.
     */
    private static final class Keys {
        static final Cursors CURSORS = build();

        private static Cursors build() {
            Config config = Config.fromEnvironment();
            String secretId = config.require("CURSOR_SECRET_ID");
            try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), config)) {
                return Cursors.fromSecret(secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
            }
        }
    }
}
