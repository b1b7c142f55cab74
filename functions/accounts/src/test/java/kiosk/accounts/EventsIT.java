package kiosk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import kiosk.accounts.authorizer.AuthorizerHandler;
import kiosk.accounts.authorizer.Decision;
import kiosk.accounts.session.DynamoDbSessionStore;
import kiosk.accounts.token.RefreshTokens;
import kiosk.accounts.token.TokenWiring;
import kiosk.accounts.user.DynamoDbUserStore;
import kiosk.accounts.user.User;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.shared.json.Json;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.EventFiles;
import kiosk.testkit.Handlers;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds each events/ file of an accounts function to the handler template.yaml names, built with
 * its no-argument constructor and the environment template.yaml gives it: the signing key is read
 * from the template's secret through the emulator's Secrets Manager, as in a deployment. The
 * accounts, sessions and tokens the files refer to are seeded first; the authorizer files carry a
 * sample token, which is refused as it stands and replaced by a freshly issued one.
 */
@ExtendWith(LocalAwsExtension.class)
class EventsIT {

    /** The accounts module builds two packages: accounts.zip and the authorizers' authorizer.zip. */
    private static final String PACKAGES = "functions/accounts/target";
    /** In the order a client calls them: signup first. */
    private static final List<Map.Entry<String, Integer>> EXPECTED = List.of(Map.entry("SignupFunction", 201),
            Map.entry("LoginFunction", 200), Map.entry("RefreshFunction", 200), Map.entry("LogoutFunction", 204),
            Map.entry("GetProfileFunction", 200), Map.entry("ChangePasswordFunction", 204),
            Map.entry("RequestPasswordResetFunction", 202), Map.entry("ConfirmPasswordResetFunction", 204),
            Map.entry("ExportAccountFunction", 200), Map.entry("DeleteAccountFunction", 204));
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private static Map<String, FunctionConfiguration> functions;
    private static Map<String, String> merged;

    @BeforeAll
    static void givenTheTemplateEnvironmentAndWhatTheEventsReferTo(LocalAws aws) throws Exception {
        functions = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        aws.functions().forEach((id, function) -> {
            if (function.codeUri().getParent().endsWith(PACKAGES)) {
                functions.put(id, function);
                environment.putAll(function.environment());
            }
        });
        // The handlers share this package's wiring, built once per JVM: one overlay serves them all
        // but the authorizers', whose REQUIRED_ROLE differs.
        environment.remove("REQUIRED_ROLE");
        merged = environment;
        CONFIG.set(merged);

        DynamoDbUserStore users = new DynamoDbUserStore(aws.dynamoDb(), aws.tableName("UsersTable"));
        String hash = AccountsWiring.hasher().hash("violet staple orbit canyon");
        users.create(new User("sample-user-login", "sample-login@example.com", "Sam Login", hash, Set.of(), NOW.toString()));
        users.create(new User("sample-user-me", "sample-me@example.com", "Sam Me", hash, Set.of(), NOW.toString()));
        users.create(new User("sample-user-logout", "sample-logout@example.com", "Sam Logout", hash, Set.of(), NOW.toString()));
        users.create(new User("sample-user-change", "sample-change@example.com", "Sam Change", hash, Set.of(), NOW.toString()));
        users.create(new User("sample-user-reset", "sample-reset@example.com", "Sam Reset", hash, Set.of(), NOW.toString()));
        users.create(new User("sample-user-erase", "sample-erase@example.com", "Sam Erase", hash, Set.of(), NOW.toString()));
        // The reset file's token, live for the reset account (the function checks it against the real clock).
        String resetToken = Json.MAPPER.readTree(EventLoader.loadApiGatewayHttpEvent(file("ConfirmPasswordResetFunction")
                .toString()).getBody()).get("token").asText();
        users.startReset("sample-user-reset", RefreshTokens.hash(resetToken), Instant.now().plusSeconds(3600));
        DynamoDbSessionStore sessions = new DynamoDbSessionStore(aws.dynamoDb(), aws.tableName("SessionsTable"));
        Instant expires = Instant.now().plusSeconds(3600);
        sessions.start("sample-family-refresh", "sample-user-login",
                RefreshTokens.hash(refreshToken("RefreshFunction")), expires, NOW);
        sessions.start("sample-family-logout", "sample-user-logout",
                RefreshTokens.hash(refreshToken("LogoutFunction")), expires, NOW);
    }

    private static String refreshToken(String logicalId) throws Exception {
        String body = EventLoader.loadApiGatewayHttpEvent(file(logicalId).toString()).getBody();
        return Json.MAPPER.readTree(body).path("refreshToken").asText();
    }

    private static Path file(String logicalId) {
        return EventFiles.of(logicalId);
    }

    @Test
    void everyAccountsFunctionHasAnEventFile() {
        assertEquals(13, functions.size(), "accounts functions in template.yaml: " + functions.keySet());
        for (String id : functions.keySet()) {
            assertTrue(EventFiles.all().stream().anyMatch(f -> EventFiles.logicalId(f).equals(id)), "no event file for " + id);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachHttpEventFileIsAnsweredByItsFunction() {
        return EXPECTED.stream().map(expected -> DynamicTest.dynamicTest(expected.getKey(), () -> {
                    String id = expected.getKey();
                    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file(id).toString());
                    kiosk.shared.http.HttpFunction handler = Handlers.construct(functions.get(id));
                    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
                    assertEquals(expected.getValue(), response.getStatusCode(), response::getBody);
                    if (response.getStatusCode() != 204) {
                        assertEquals("application/json", response.getHeaders().get("content-type"));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> theAuthorizersRefuseTheSampleTokenAndAllowAFreshOne() {
        return Stream.of("AuthorizerFunction", "AdminAuthorizerFunction").map(id -> DynamicTest.dynamicTest(id, () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> event = Json.MAPPER.readValue(file(id).toFile(), Map.class);
            AuthorizerHandler handler = authorizer(id);
            assertFalse(Decision.of(handler.handleRequest(event, null)).allowed());

            Decision admin = Decision.of(handler.handleRequest(withToken(event, List.of("admin")), null));
            assertTrue(admin.allowed());
            assertEquals(Map.of("userId", "sample-user-me", "roles", "admin"), admin.context());
            assertFalse(Decision.of(handler.handleRequest(withToken(event, List.of("admin"), "no-such-account"), null)).allowed(),
                    "a valid token of an account that does not exist (erased) is refused");
            assertEquals(id.equals("AuthorizerFunction"),
                    Decision.of(handler.handleRequest(withToken(event, List.of()), null)).allowed(),
                    "only the Admin authorizer requires the role its REQUIRED_ROLE names");
        }));
    }

    /** An authorizer built with its own function's environment, as each runs in its own on Lambda. */
    private static AuthorizerHandler authorizer(String id) {
        Map<String, String> shared = new HashMap<>(functions.get("LoginFunction").environment());
        shared.putAll(functions.get(id).environment());
        CONFIG.set(shared);
        try {
            return Handlers.construct(functions.get(id));
        } finally {
            CONFIG.set(merged);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withToken(Map<String, Object> event, List<String> roles) {
        return withToken(event, roles, "sample-user-me");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withToken(Map<String, Object> event, List<String> roles, String userId) {
        Map<String, Object> copy = new HashMap<>(event);
        Map<String, Object> headers = new HashMap<>((Map<String, Object>) event.get("headers"));
        headers.put("authorization", "Bearer " + TokenWiring.tokens().issue(userId, roles));
        copy.put("headers", headers);
        return copy;
    }

    @Test
    void theGrantAdminFileMakesItsAccountAnAdmin() throws Exception {
        Map<String, Object> result = Handlers.invoke(Handlers.construct(functions.get("GrantAdminFunction")),
                Files.readString(file("GrantAdminFunction")));
        assertEquals(true, result.get("granted"), result::toString);
        assertEquals(List.of("admin"), result.get("roles"));
    }
}
