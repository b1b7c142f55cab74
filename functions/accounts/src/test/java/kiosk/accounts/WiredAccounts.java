package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kiosk.accounts.authorizer.AuthorizerHandler;
import kiosk.accounts.authorizer.DynamoDbAccountStates;
import kiosk.accounts.authorizer.Decision;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.session.DynamoDbLoginAttempts;
import kiosk.accounts.session.DynamoDbSessionStore;
import kiosk.accounts.session.LoginHandler;
import kiosk.accounts.session.LogoutHandler;
import kiosk.accounts.session.LogoutService;
import kiosk.accounts.session.RefreshHandler;
import kiosk.accounts.session.SessionService;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.SigningKeys;
import kiosk.accounts.user.AccountService;
import kiosk.accounts.user.DynamoDbUserStore;
import kiosk.accounts.user.GetProfileHandler;
import kiosk.accounts.user.GrantAdminHandler;
import kiosk.accounts.user.SignupHandler;
import kiosk.emulator.LocalAws;
import kiosk.shared.ratelimit.DynamoDbRateLimiter;
import kiosk.shared.ratelimit.RateLimit;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accounts wired as in a deployment, but with a hand-moved clock and a cheap Argon2id cost, against
 * fresh copies of the UsersTable and SessionsTable of template.yaml in DynamoDB Local, one pair per
 * test class. The feature ITs (SignupIT, LoginIT, RefreshIT, LogoutIT, ProfileIT, AuthorizerIT)
 * extend it; every refusal they test also checks that nothing was stored.
 */
@ExtendWith(LocalAwsExtension.class)
abstract class WiredAccounts {

    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    static final String PASSWORD = "violet staple orbit canyon";
    static final PasswordHasher.Cost TEST_COST = new PasswordHasher.Cost(4096, 1, 1);
    private static final AtomicInteger EMAILS = new AtomicInteger();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    static DynamoDbClient dynamoDb;
    static String usersTable;
    static String sessionsTable;
    static String rateLimitsTable;
    /** Signup's limit per client address as template.yaml sets it by default. */
    static RateLimit signupLimit;

    MutableClock clock;
    /** This test's client address: each test has its own, as the login throttles count per address. */
    String address;
    DynamoDbUserStore users;
    SignupHandler signup;
    LoginHandler login;
    RefreshHandler refresh;
    LogoutHandler logout;
    GetProfileHandler me;
    GrantAdminHandler grantAdmin;
    AuthorizerHandler authorizer;
    AuthorizerHandler adminAuthorizer;

    @BeforeAll
    static void freshTables(LocalAws aws) {
        dynamoDb = aws.dynamoDb();
        usersTable = aws.freshTable("UsersTable");
        sessionsTable = aws.freshTable("SessionsTable");
        rateLimitsTable = aws.freshTable("RateLimitsTable");
        signupLimit = RateLimit.parse(String.valueOf(((java.util.Map<?, ?>) aws.template().section("Parameters")
                .get("SignupRateLimit")).get("Default"))).orElseThrow();
    }

    @BeforeEach
    void wiring() {
        clock = new MutableClock(START);
        int n = ADDRESSES.incrementAndGet();
        address = "10." + (n >> 8 & 255) + "." + (n & 255) + ".7";
        users = new DynamoDbUserStore(dynamoDb, usersTable);
        PasswordHasher hasher = new PasswordHasher(TEST_COST);
        AccessTokens tokens = new AccessTokens(SigningKeys.of(SigningKeys.generate("k1")), "urn:kiosk:test",
                "urn:kiosk:test:api", clock);
        AccountService accounts = new AccountService(users, hasher, clock, () -> UUID.randomUUID().toString());
        SessionService sessions = new SessionService(users, new DynamoDbLoginAttempts(dynamoDb, usersTable),
                new DynamoDbSessionStore(dynamoDb, sessionsTable, usersTable), hasher, tokens, clock);
        signup = new SignupHandler(accounts, new DynamoDbRateLimiter(dynamoDb, rateLimitsTable, "signup", signupLimit, clock));
        login = new LoginHandler(sessions);
        refresh = new RefreshHandler(sessions);
        logout = new LogoutHandler(new LogoutService(new DynamoDbSessionStore(dynamoDb, sessionsTable), clock));
        me = new GetProfileHandler(accounts);
        grantAdmin = new GrantAdminHandler(accounts);
        authorizer = new AuthorizerHandler(tokens, new DynamoDbAccountStates(dynamoDb, usersTable), Optional.empty());
        adminAuthorizer = new AuthorizerHandler(tokens, new DynamoDbAccountStates(dynamoDb, usersTable), Optional.of("admin"));
    }

    static String newEmail() {
        return "user" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    APIGatewayV2HTTPResponse post(kiosk.shared.http.HttpFunction handler, String path, String json) {
        return handler.handleRequest(ApiEvents.request("POST", path).json(json).build(), null);
    }

    APIGatewayV2HTTPResponse signUp(String email, String password) {
        return signUpFrom(address, email, password);
    }

    APIGatewayV2HTTPResponse signUpFrom(String sourceIp, String email, String password) {
        return signup.handleRequest(ApiEvents.request("POST", "/auth/signup").sourceIp(sourceIp)
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Ann Example\"}").build(), null);
    }

    APIGatewayV2HTTPResponse logIn(String email, String password) {
        return logInFrom(address, email, password);
    }

    APIGatewayV2HTTPResponse logInFrom(String clientAddress, String email, String password) {
        return login.handleRequest(ApiEvents.request("POST", "/auth/login").sourceIp(clientAddress)
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").build(), null);
    }

    APIGatewayV2HTTPResponse refreshWith(String token) {
        return post(refresh, "/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    String signedUp(String email) {
        APIGatewayV2HTTPResponse response = signUp(email, PASSWORD);
        assertEquals(201, response.getStatusCode(), response::getBody);
        return body(response).path("id").asText();
    }

    JsonNode session(String email) {
        APIGatewayV2HTTPResponse response = logIn(email, PASSWORD);
        assertEquals(200, response.getStatusCode(), response::getBody);
        return body(response);
    }

    Decision authorize(AuthorizerHandler handler, String authorization) {
        Map<String, Object> event = Map.of("version", "2.0", "type", "REQUEST", "routeKey", "GET /me",
                "headers", authorization == null ? Map.of() : Map.of("authorization", authorization),
                "requestContext", Map.of("requestId", UUID.randomUUID().toString()));
        return Decision.of(handler.handleRequest(event, null));
    }

    /** A refusal: the status and problem type asked for, and both tables exactly as they were before it. */
    static void assertRefusedStoringNothing(String what, Supplier<APIGatewayV2HTTPResponse> call, int status, String slug) {
        List<Map<String, AttributeValue>> before = everything();
        assertProblem(call.get(), status, slug);
        assertNothingStoredSince(before, what);
    }

    /**
     * Both tables exactly as {@code before}, but for items DynamoDB's TTL deleted meanwhile. The
     * tests' clock is fixed, so an item they write (a login attempt, 15 minutes) may already be
     * past its expiresAt by the real clock, and DynamoDB Local's TTL may delete it between the two
     * reads: only such a disappearance is forgiven. A new or changed item still fails.
     */
    static void assertNothingStoredSince(List<Map<String, AttributeValue>> before, String what) {
        List<Map<String, AttributeValue>> after = everything();
        long now = Instant.now().getEpochSecond();
        List<Map<String, AttributeValue>> kept = before.stream().filter(item -> after.contains(item)
                || !(item.containsKey("expiresAt") && Long.parseLong(item.get("expiresAt").n()) < now)).toList();
        assertEquals(kept, after, what);
    }

    /** Everything in both tables: what a refusal must leave exactly as it was. */
    static List<Map<String, AttributeValue>> everything() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.addAll(dynamoDb.scan(b -> b.tableName(usersTable).consistentRead(true)).items());
        items.addAll(dynamoDb.scan(b -> b.tableName(sessionsTable).consistentRead(true)).items());
        return items;
    }

    static Map<String, AttributeValue> item(String table, String pk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }
}
