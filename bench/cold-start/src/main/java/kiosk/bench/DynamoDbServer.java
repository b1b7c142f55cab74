package kiosk.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.SigningKey;
import kiosk.accounts.token.SigningKeys;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.LocalAws;
import kiosk.emulator.SecretsManagerEndpoint;
import kiosk.emulator.Template;
import kiosk.orders.cart.Cart;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.shared.money.Money;

/**
 * The emulator with the tables and queues of template.yaml, one product, a cart holding it for
 * each of {@link #SHOPPERS} shoppers, and its Secrets Manager holding a signing key with a
 * previous version, in its own process for the cold-start benchmark. Prints "READY
 * dynamodbEndpoint table productId secretsEndpoint secretId token accessKeyId secretAccessKey
 * sqsEndpoint cartsTable ordersTable idempotencyTable promotionsTable ordersQueueUrl", the token
 * signed with the current key and the keys this start's services accept, and serves until its
 * standard input closes.
 */
public final class DynamoDbServer {

    /** Carts made ready for checkout cold starts: one per run, at most this many runs. */
    static final int SHOPPERS = 200;

    private DynamoDbServer() {
    }

    /** What CloudFormation's GenerateSecretString makes: 64 letters and digits. */
    private static String randomSecret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        LocalAws aws = LocalAws.start(Template.project());
        String table = aws.tableName("ProductsTable");
        String id = "bench-product-1";
        new DynamoDbProductStore(aws.dynamoDb(), table).create(new Product(id, "Benchmark lamp",
                "Seeded for the cold-start benchmark", "lighting", new Money(4200L, "EUR"), 100_000, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        // A cart for each checkout run: shopper bench-shopper-N, one unit of the product.
        DynamoDbCartStore carts = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        for (int n = 0; n < SHOPPERS; n++) {
            carts.save(new Cart("bench-shopper-" + n, List.of(new Cart.Line(id, 1)), "EUR", 1, "2026-11-01T00:00:00Z"), 0,
                    4_000_000_000L);
        }
        SecretsManagerEndpoint secrets = aws.secretsManager();
        String secretId = "kiosk-bench-signing-key";
        secrets.put(secretId, randomSecret());
        String current = randomSecret();
        String kid = secrets.put(secretId, current);
        String token = new AccessTokens(SigningKeys.of(new SigningKey(kid, current.getBytes(StandardCharsets.UTF_8))),
                "urn:kiosk:bench", "urn:kiosk:bench:api", Clock.systemUTC()).issue("bench-user", List.of("admin"));
        System.out.println("READY " + aws.dynamoEndpoint() + " " + table + " " + id + " " + aws.secretsEndpoint() + " "
                + secretId + " " + token + " " + aws.keys().accessKeyId() + " " + aws.keys().secretAccessKey() + " "
                + aws.sqsEndpoint() + " " + aws.tableName("CartsTable") + " " + aws.tableName("OrdersTable") + " "
                + aws.tableName("IdempotencyTable") + " " + aws.tableName("PromotionsTable") + " " + aws.queueUrl("OrdersQueue"));
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input
        }
        aws.close();
        // DynamoDB Local leaves a non-daemon thread behind after stop().
        System.exit(0);
    }
}
