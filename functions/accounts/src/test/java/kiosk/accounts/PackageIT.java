package kiosk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.SecretsManagerSigningKeys;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The deployable zips on their own (nothing from the test class path), since each is trimmed to
 * what its functions load: Argon2id and the password list work from accounts.zip, and the
 * authorizer works from authorizer.zip, which carries nothing the other accounts functions need.
 */
@ExtendWith(LocalAwsExtension.class)
class PackageIT {

    private static final Path TARGET = Template.projectRoot().resolve("functions/accounts/target");
    // 6 MB until the authorizer read the account (DynamoDB SDK, 2.6 MB more): issue 17 weighs it against cold start.
    private static final long AUTHORIZER_BUDGET_BYTES = 9L * 1024 * 1024;

    @Test
    void theAccountsZipHashesAndVerifiesPasswordsAndCarriesTheCommonPasswordList() throws Exception {
        Path zip = TARGET.resolve("accounts.zip");
        assertTrue(Files.isRegularFile(zip), zip + " is built by the package phase");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {zip.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> hasherClass = loader.loadClass("kiosk.accounts.password.PasswordHasher");
            Class<?> costClass = loader.loadClass("kiosk.accounts.password.PasswordHasher$Cost");
            assertEquals(loader, hasherClass.getClassLoader());
            Object hasher = hasherClass.getConstructor(costClass).newInstance(costClass.getField("OWASP").get(null));
            String hash = (String) hasherClass.getMethod("hash", String.class).invoke(hasher, "violet staple orbit canyon");
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
            assertEquals(true, hasherClass.getMethod("verify", String.class, String.class)
                    .invoke(hasher, "violet staple orbit canyon", hash));
            assertEquals(false, hasherClass.getMethod("verifyNothing", String.class).invoke(hasher, "anything"));

            Class<?> policyClass = loader.loadClass("kiosk.accounts.password.PasswordPolicy");
            Object policy = policyClass.getMethod("shipped").invoke(null);
            Optional<?> problem = (Optional<?>) policyClass.getMethod("problem", String.class, String.class)
                    .invoke(policy, "1qaz2wsx3edc", null);
            assertTrue(problem.isPresent());
        }
    }

    @Test
    void theAuthorizerZipHoldsOnlyWhatTheAuthorizerLoads() throws Exception {
        Path zip = TARGET.resolve("authorizer.zip");
        assertTrue(Files.size(zip) <= AUTHORIZER_BUDGET_BYTES, "authorizer.zip is " + Files.size(zip) + " bytes");
        try (ZipFile entries = new ZipFile(zip.toFile())) {
            List<String> names = entries.stream().map(e -> e.getName()).toList();
            for (String absent : List.of("org/bouncycastle/", "software/amazon/awssdk/services/sqs/",
                    "com/fasterxml/jackson/databind/", "com/amazonaws/services/lambda/runtime/events/",
                    "kiosk/accounts/password/", "kiosk/accounts/session/", "kiosk/accounts/user/", "kiosk/shared/dynamodb/")) {
                assertTrue(names.stream().noneMatch(n -> n.startsWith(absent)), "authorizer.zip holds " + absent);
            }
        }
    }

    @Test
    void theAuthorizerRunsFromItsZipAloneAgainstTheTemplatesSecret(LocalAws aws) throws Exception {
        FunctionConfiguration function = aws.function("AdminAuthorizerFunction");
        assertEquals(TARGET.resolve("authorizer.zip"), function.codeUri());
        Map<String, String> environment = function.environment();
        // The account the token names must stand: the authorizer refuses an erased one's.
        aws.dynamoDb().putItem(b -> b.tableName(environment.get("USERS_TABLE")).item(Map.of("pk",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("user#u-1"), "userId",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("u-1"))));
        String token;
        try (SecretsManagerClient client = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            token = new AccessTokens(new SecretsManagerSigningKeys(client, environment.get("SIGNING_SECRET_ID"), Clock.systemUTC()),
                    environment.get("TOKEN_ISSUER"), environment.get("TOKEN_AUDIENCE"), Clock.systemUTC())
                    .issue("u-1", List.of("admin"));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {function.codeUri().toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // As the local runtime gives a function its template environment: through its own Config.
            loader.loadClass("kiosk.shared.config.Config").getMethod("overlayEnvironment", Map.class)
                    .invoke(null, new HashMap<>(environment));
            Class<?> type = loader.loadClass("kiosk.accounts.authorizer.AuthorizerHandler");
            Object handler = type.getDeclaredConstructor().newInstance();
            Object context = null;
            Map<String, Object> event = Map.of("headers", Map.of("authorization", "Bearer " + token));
            Object answer = type.getMethod("handleRequest", Map.class, loader.loadClass("com.amazonaws.services.lambda.runtime.Context"))
                    .invoke(handler, event, context);
            assertEquals(Map.of("isAuthorized", true, "context", Map.of("userId", "u-1", "roles", "admin")), answer);
        }
    }
}
