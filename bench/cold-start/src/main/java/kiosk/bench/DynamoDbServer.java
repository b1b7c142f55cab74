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
import kiosk.shared.money.Money;

/**
 * The emulator with the tables of template.yaml and one product, and its Secrets Manager holding a
 * signing key with a previous version, in its own process for the
 * cold-start benchmark. Prints "READY dynamodbEndpoint table productId secretsEndpoint secretId
 * token", the token signed with the current key, and serves until its standard input closes.
 */
public final class DynamoDbServer {

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
                "Seeded for the cold-start benchmark", "lighting", new Money(4200L, "EUR"), 7, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        SecretsManagerEndpoint secrets = aws.secretsManager();
        String secretId = "kiosk-bench-signing-key";
        secrets.put(secretId, randomSecret());
        String current = randomSecret();
        String kid = secrets.put(secretId, current);
        String token = new AccessTokens(SigningKeys.of(new SigningKey(kid, current.getBytes(StandardCharsets.UTF_8))),
                "urn:kiosk:bench", "urn:kiosk:bench:api", Clock.systemUTC()).issue("bench-user", List.of("admin"));
        System.out.println("READY " + aws.dynamoEndpoint() + " " + table + " " + id + " " + aws.secretsEndpoint() + " "
                + secretId + " " + token);
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input
        }
        aws.close();
        // DynamoDB Local leaves a non-daemon thread behind after stop().
        System.exit(0);
    }
}
