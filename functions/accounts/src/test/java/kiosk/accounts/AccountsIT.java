package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kiosk.accounts.authorizer.AuthorizerHandler;
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
import kiosk.accounts.user.User;
import kiosk.emulator.LocalAws;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signup, login, refresh, logout, profile and the authorizer, wired as in a deployment but with a
 * hand-moved clock and a cheap Argon2id cost, against the UsersTable and SessionsTable of
 * template.yaml in DynamoDB Local. Every refusal also checks that nothing was stored.
 */
@ExtendWith(LocalAwsExtension.class)
class AccountsIT {

    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    private static final String PASSWORD = "violet staple orbit canyon";
    private static final PasswordHasher.Cost TEST_COST = new PasswordHasher.Cost(4096, 1, 1);
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private static DynamoDbClient dynamoDb;
    private static String usersTable;
    private static String sessionsTable;

    private MutableClock clock;
    private DynamoDbUserStore users;
    private SignupHandler signup;
    private LoginHandler login;
    private RefreshHandler refresh;
    private LogoutHandler logout;
    private GetProfileHandler me;
    private GrantAdminHandler grantAdmin;
    private AuthorizerHandler authorizer;
    private AuthorizerHandler adminAuthorizer;

    @BeforeAll
    static void tables(LocalAws aws) {
        dynamoDb = aws.dynamoDb();
        usersTable = aws.freshTable("UsersTable");
        sessionsTable = aws.freshTable("SessionsTable");
    }

    @BeforeEach
    void wiring() {
        clock = new MutableClock(START);
        users = new DynamoDbUserStore(dynamoDb, usersTable);
        PasswordHasher hasher = new PasswordHasher(TEST_COST);
        AccessTokens tokens = new AccessTokens(SigningKeys.of(SigningKeys.generate("k1")), "urn:kiosk:test",
                "urn:kiosk:test:api", clock);
        AccountService accounts = new AccountService(users, hasher, clock, () -> UUID.randomUUID().toString());
        SessionService sessions = new SessionService(users, new DynamoDbLoginAttempts(dynamoDb, usersTable),
                new DynamoDbSessionStore(dynamoDb, sessionsTable), hasher, tokens, clock);
        signup = new SignupHandler(accounts);
        login = new LoginHandler(sessions);
        refresh = new RefreshHandler(sessions);
        logout = new LogoutHandler(new LogoutService(new DynamoDbSessionStore(dynamoDb, sessionsTable), clock));
        me = new GetProfileHandler(accounts);
        grantAdmin = new GrantAdminHandler(accounts);
        authorizer = new AuthorizerHandler(tokens, Optional.empty());
        adminAuthorizer = new AuthorizerHandler(tokens, Optional.of("admin"));
    }

    // ------------------------------------------------------------------ helpers

    private static String newEmail() {
        return "user" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private APIGatewayV2HTTPResponse post(com.amazonaws.services.lambda.runtime.RequestHandler<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse> handler, String path, String json) {
        return handler.handleRequest(ApiEvents.request("POST", path).json(json).build(), null);
    }

    private APIGatewayV2HTTPResponse signUp(String email, String password) {
        return post(signup, "/auth/signup",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Ann Example\"}");
    }

    private APIGatewayV2HTTPResponse logIn(String email, String password) {
        return post(login, "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private APIGatewayV2HTTPResponse refreshWith(String token) {
        return post(refresh, "/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    private String signedUp(String email) {
        APIGatewayV2HTTPResponse response = signUp(email, PASSWORD);
        assertEquals(201, response.getStatusCode(), response::getBody);
        return body(response).path("id").asText();
    }

    private JsonNode session(String email) {
        APIGatewayV2HTTPResponse response = logIn(email, PASSWORD);
        assertEquals(200, response.getStatusCode(), response::getBody);
        return body(response);
    }

    private Decision authorize(AuthorizerHandler handler, String authorization) {
        Map<String, Object> event = Map.of("version", "2.0", "type", "REQUEST", "routeKey", "GET /me",
                "headers", authorization == null ? Map.of() : Map.of("authorization", authorization),
                "requestContext", Map.of("requestId", UUID.randomUUID().toString()));
        return Decision.of(handler.handleRequest(event, null));
    }

    /** Everything in both tables: what a refusal must leave exactly as it was. */
    private static List<Map<String, AttributeValue>> everything() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.addAll(dynamoDb.scan(b -> b.tableName(usersTable).consistentRead(true)).items());
        items.addAll(dynamoDb.scan(b -> b.tableName(sessionsTable).consistentRead(true)).items());
        return items;
    }

    private static Map<String, AttributeValue> item(String table, String pk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    // ------------------------------------------------------------------ signup

    @Test
    void signupCreatesAnAccountWithoutRolesAndAnswers201() {
        String email = newEmail();
        APIGatewayV2HTTPResponse response = signUp("  " + email.toUpperCase() + " ", PASSWORD);

        assertEquals(201, response.getStatusCode(), response::getBody);
        assertEquals("/me", response.getHeaders().get("location"));
        JsonNode profile = body(response);
        assertEquals(email, profile.path("email").asText());
        assertEquals(0, profile.path("roles").size());
        assertFalse(response.getBody().contains("argon2"), "no hash in the answer");
        Map<String, AttributeValue> stored = item(usersTable, "user#" + profile.path("id").asText());
        assertTrue(stored.get("passwordHash").s().startsWith("$argon2id$v=19$m=4096,t=1,p=1$"));
        assertFalse(stored.containsKey("roles"));
        assertEquals(profile.path("id").asText(), item(usersTable, "email#" + email).get("userId").s());
    }

    @Test
    void signupRefusesATakenEmailWith409WhateverItsCaseAndStoresNothing() {
        String email = newEmail();
        signedUp(email);
        List<Map<String, AttributeValue>> before = everything();

        assertProblem(signUp(email.toUpperCase(), "another fine passphrase"), 409, "email-taken");
        assertProblem(signUp(" " + email, "another fine passphrase"), 409, "email-taken");
        assertEquals(before, everything());
    }

    @Test
    void concurrentSignupsWithOneEmailCreateOneAccount() throws Exception {
        String email = newEmail();
        List<Integer> statuses = race(8, () -> signUp(email, PASSWORD).getStatusCode());

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        long accounts = everything().stream().filter(i -> i.containsKey("email") && i.get("email").s().equals(email)).count();
        assertEquals(1, accounts);
    }

    static Stream<Arguments> hostileSignups() {
        String ok = "\"password\":\"" + PASSWORD + "\",\"name\":\"Ann\"";
        return Stream.of(
                Arguments.of("short password", "{\"email\":\"a1@example.com\",\"password\":\"short one\",\"name\":\"Ann\"}", 400, "validation"),
                Arguments.of("common password", "{\"email\":\"a2@example.com\",\"password\":\"qwertyuiop123\",\"name\":\"Ann\"}", 400, "validation"),
                Arguments.of("password with email name", "{\"email\":\"annabelle@example.com\",\"password\":\"i am annabelle, hi\",\"name\":\"Ann\"}", 400, "validation"),
                Arguments.of("roles in the body", "{\"email\":\"a3@example.com\"," + ok + ",\"roles\":[\"admin\"]}", 400, "validation"),
                Arguments.of("NoSQL operator as email", "{\"email\":{\"$ne\":null}," + ok + "}", 400, "validation"),
                Arguments.of("SQL in the email", "{\"email\":\"' OR '1'='1' --@example.com\"," + ok + "}", 400, "validation"),
                Arguments.of("key prefix in the email", "{\"email\":\"user#1@example.com\\u0000\"," + ok + "}", 400, "validation"),
                Arguments.of("very long email", "{\"email\":\"" + "a".repeat(300) + "@example.com\"," + ok + "}", 400, "validation"),
                Arguments.of("very long password", "{\"email\":\"a4@example.com\",\"password\":\"" + "correct horse ".repeat(700) + "\",\"name\":\"Ann\"}", 400, "validation"),
                Arguments.of("very long body", "{\"email\":\"a5@example.com\"," + ok.replace("Ann", "A".repeat(20_000)) + "}", 413, "payload-too-large"),
                Arguments.of("control characters in the name", "{\"email\":\"a6@example.com\",\"password\":\"" + PASSWORD + "\",\"name\":\"Ann\\u0007\"}", 400, "validation"),
                Arguments.of("missing fields", "{}", 400, "validation"),
                Arguments.of("not JSON", "email=a@example.com", 400, "malformed-json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSignups")
    void signupRefusesBadAndHostileInputAndStoresNothing(String attack, String json, int status, String slug) {
        List<Map<String, AttributeValue>> before = everything();
        assertProblem(post(signup, "/auth/signup", json), status, slug);
        assertEquals(before, everything(), attack);
    }

    @Test
    void signupNeedsAJsonBody() {
        APIGatewayV2HTTPEvent form = ApiEvents.request("POST", "/auth/signup").header("content-type", "text/plain")
                .body("hello").build();
        assertProblem(signup.handleRequest(form, null), 415, "unsupported-media-type");
    }

    // ------------------------------------------------------------------ login

    @Test
    void loginAnswersTokensThatTheAuthorizerAcceptsAndMeReads() {
        String email = newEmail();
        String id = signedUp(email);
        JsonNode session = session(email);

        assertEquals("Bearer", session.path("tokenType").asText());
        assertEquals(900, session.path("expiresIn").asLong());
        assertEquals(30L * 24 * 3600, session.path("refreshExpiresIn").asLong());
        assertEquals(43, session.path("refreshToken").asText().length());
        Decision allowed = authorize(authorizer, "Bearer " + session.path("accessToken").asText());
        assertTrue(allowed.allowed());
        assertEquals(Map.of("userId", id, "roles", ""), allowed.context());
        APIGatewayV2HTTPResponse profile = me.handleRequest(ApiEvents.request("GET", "/me").caller(id).build(), null);
        assertEquals(200, profile.getStatusCode(), profile::getBody);
        assertEquals(email, body(profile).path("email").asText());
        assertNull(item(sessionsTable, "token#" + session.path("refreshToken").asText()), "only the hash is stored");
        assertNull(item(usersTable, "attempts#" + email), "a success leaves no attempt count");
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        String email = newEmail();
        signedUp(email);
        JsonNode wrongPassword = assertProblem(logIn(email, "not the password at all"), 401, "invalid-credentials");
        JsonNode unknownEmail = assertProblem(logIn(newEmail(), "not the password at all"), 401, "invalid-credentials");
        assertEquals(wrongPassword.path("detail"), unknownEmail.path("detail"));
        assertEquals(wrongPassword.path("title"), unknownEmail.path("title"));
    }

    @Test
    void fiveFailuresInARowLockTheEmailWithGrowingBackOff() {
        String email = newEmail();
        signedUp(email);
        for (int i = 0; i < 5; i++) {
            assertProblem(logIn(email, "wrong password " + i), 401, "invalid-credentials");
        }
        APIGatewayV2HTTPResponse locked = logIn(email, PASSWORD);
        assertProblem(locked, 429, "too-many-attempts");
        assertEquals("60", locked.getHeaders().get("retry-after"), "the right password does not get through");

        clock.advance(Duration.ofSeconds(61));
        assertProblem(logIn(email, "wrong again"), 401, "invalid-credentials");
        APIGatewayV2HTTPResponse longer = logIn(email, PASSWORD);
        assertProblem(longer, 429, "too-many-attempts");
        assertEquals("120", longer.getHeaders().get("retry-after"));

        clock.advance(Duration.ofSeconds(121));
        session(email);
        assertProblem(logIn(email, "wrong once more"), 401, "invalid-credentials");
        session(email);
    }

    @Test
    void aLockedEmailAnswersTheSameWhetherThePasswordIsRightOrWrong() {
        String email = newEmail();
        signedUp(email);
        for (int i = 0; i < 5; i++) {
            logIn(email, "wrong password " + i);
        }
        JsonNode right = assertProblem(logIn(email, PASSWORD), 429, "too-many-attempts");
        JsonNode wrong = assertProblem(logIn(email, "wrong password"), 429, "too-many-attempts");
        ((com.fasterxml.jackson.databind.node.ObjectNode) right).remove("requestId");
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong).remove("requestId");
        assertEquals(right, wrong);
    }

    @Test
    void unknownEmailsLockTooSoLockingRevealsNoAccount() {
        String email = newEmail();
        for (int i = 0; i < 5; i++) {
            assertProblem(logIn(email, "some password " + i), 401, "invalid-credentials");
        }
        assertProblem(logIn(email, "some password"), 429, "too-many-attempts");
    }

    @Test
    void loginUpgradesAHashMadeWithAWeakerCost() {
        String email = newEmail();
        String weak = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1)).hash(PASSWORD);
        String id = UUID.randomUUID().toString();
        users.create(new User(id, email, "Old Timer", weak, Set.of(), START.toString()));

        session(email);

        String upgraded = item(usersTable, "user#" + id).get("passwordHash").s();
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=4096,t=1,p=1$"), upgraded);
        session(email);
    }

    static Stream<Arguments> hostileLogins() {
        return Stream.of(
                Arguments.of("NoSQL operator as password", "{\"email\":\"a@example.com\",\"password\":{\"$gt\":\"\"}}", 400, "validation"),
                Arguments.of("NoSQL operator as email", "{\"email\":{\"$ne\":\"x\"},\"password\":\"x\"}", 400, "validation"),
                Arguments.of("very long password", "{\"email\":\"a@example.com\",\"password\":\"" + "x".repeat(5000) + "\"}", 400, "validation"),
                Arguments.of("very long email", "{\"email\":\"" + "a".repeat(5000) + "\",\"password\":\"x\"}", 400, "validation"),
                Arguments.of("extra field", "{\"email\":\"a@example.com\",\"password\":\"x\",\"admin\":true}", 400, "validation"),
                Arguments.of("array body", "[\"a@example.com\",\"x\"]", 400, "malformed-json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLogins")
    void loginRefusesHostileInputBeforeCountingAnAttempt(String attack, String json, int status, String slug) {
        List<Map<String, AttributeValue>> before = everything();
        assertProblem(post(login, "/auth/login", json), status, slug);
        assertEquals(before, everything(), attack);
    }

    @Test
    void anSqlShapedEmailIsJustAWrongEmail() {
        assertProblem(logIn("' OR '1'='1", "' OR '1'='1"), 401, "invalid-credentials");
    }

    // ------------------------------------------------------------------ refresh

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeFamily() {
        String email = newEmail();
        signedUp(email);
        String first = session(email).path("refreshToken").asText();

        APIGatewayV2HTTPResponse rotated = refreshWith(first);
        assertEquals(200, rotated.getStatusCode(), rotated::getBody);
        String second = body(rotated).path("refreshToken").asText();
        assertNotEquals(first, second);
        assertTrue(authorize(authorizer, "Bearer " + body(rotated).path("accessToken").asText()).allowed());

        assertProblem(refreshWith(first), 401, "invalid-refresh-token");
        assertProblem(refreshWith(second), 401, "invalid-refresh-token");
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenAtMostOneSucceeds() throws Exception {
        String email = newEmail();
        signedUp(email);
        String token = session(email).path("refreshToken").asText();

        List<Integer> statuses = race(6, () -> refreshWith(token).getStatusCode());

        assertTrue(statuses.stream().filter(s -> s == 200).count() <= 1, statuses::toString);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 401), statuses::toString);
    }

    @Test
    void refreshRefusesUnknownMalformedAndExpiredTokensAndStoresNothing() {
        String email = newEmail();
        signedUp(email);
        String token = session(email).path("refreshToken").asText();
        List<Map<String, AttributeValue>> before = everything();

        for (String bad : List.of("A".repeat(43), "' OR '1'='1", "{\\\"$ne\\\":null}", "x".repeat(512))) {
            assertProblem(refreshWith(bad), 401, "invalid-refresh-token");
        }
        assertProblem(refreshWith("x".repeat(513)), 400, "validation");
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertProblem(refreshWith(token), 401, "invalid-refresh-token");
        assertEquals(before, everything());
    }

    @Test
    void aNewRoleReachesTheTokenAtTheNextRefreshAndOpensTheAdminAuthorizer() {
        String email = newEmail();
        String id = signedUp(email);
        JsonNode session = session(email);
        assertFalse(authorize(adminAuthorizer, "Bearer " + session.path("accessToken").asText()).allowed());

        Map<String, Object> granted = grantAdmin.handleRequest(Map.of("email", email.toUpperCase()), null);
        assertEquals(Map.of("granted", true, "userId", id, "roles", List.of("admin")), granted);
        JsonNode refreshed = body(refreshWith(session.path("refreshToken").asText()));

        Decision allowed = authorize(adminAuthorizer, "Bearer " + refreshed.path("accessToken").asText());
        assertTrue(allowed.allowed());
        assertEquals("admin", allowed.context().get("roles"));
    }

    @Test
    void grantAdminNeedsASignedUpAccount() {
        Map<String, Object> refused = grantAdmin.handleRequest(Map.of("email", newEmail()), null);
        assertEquals(false, refused.get("granted"));
        assertEquals("urn:kiosk:problem:not-found", refused.get("problem"));
        assertEquals(false, grantAdmin.handleRequest(Map.of("email", "not an email"), null).get("granted"));
        assertEquals(false, grantAdmin.handleRequest(Map.of(), null).get("granted"));
    }

    // ------------------------------------------------------------------ logout and me

    @Test
    void logoutRevokesTheFamilyOfTheCallersOwnTokenOnly() {
        String ann = newEmail();
        String annId = signedUp(ann);
        String bob = newEmail();
        String bobId = signedUp(bob);
        String annToken = session(ann).path("refreshToken").asText();
        String bobToken = session(bob).path("refreshToken").asText();

        APIGatewayV2HTTPEvent bobLogsOutAnn = ApiEvents.request("POST", "/auth/logout").caller(bobId)
                .json("{\"refreshToken\":\"" + annToken + "\"}").build();
        assertProblem(logout.handleRequest(bobLogsOutAnn, null), 403, "forbidden");
        APIGatewayV2HTTPEvent anonymous = ApiEvents.request("POST", "/auth/logout")
                .json("{\"refreshToken\":\"" + annToken + "\"}").build();
        assertProblem(logout.handleRequest(anonymous, null), 401, "unauthorized");
        String annNext = body(refreshWith(annToken)).path("refreshToken").asText();

        APIGatewayV2HTTPEvent annLogsOut = ApiEvents.request("POST", "/auth/logout").caller(annId)
                .json("{\"refreshToken\":\"" + annNext + "\"}").build();
        assertEquals(204, logout.handleRequest(annLogsOut, null).getStatusCode());
        assertEquals(204, logout.handleRequest(annLogsOut, null).getStatusCode(), "idempotent");
        assertProblem(refreshWith(annNext), 401, "invalid-refresh-token");
        assertEquals(200, refreshWith(bobToken).getStatusCode(), "Bob's sign-in is untouched");
    }

    @Test
    void meAnswersOnlyASignedInCallerWithTheirOwnProfile() {
        String email = newEmail();
        String id = signedUp(email);
        JsonNode profile = body(me.handleRequest(ApiEvents.request("GET", "/me").caller(id).build(), null));
        assertEquals(id, profile.path("id").asText());
        assertEquals("Ann Example", profile.path("name").asText());
        assertTrue(profile.path("passwordHash").isMissingNode());

        assertProblem(me.handleRequest(ApiEvents.request("GET", "/me").build(), null), 401, "unauthorized");
        assertProblem(me.handleRequest(ApiEvents.request("GET", "/me").caller(UUID.randomUUID().toString()).build(), null),
                404, "not-found");
    }

    @Test
    void theAuthorizerDeniesAbsentMalformedAndForeignTokens() {
        String email = newEmail();
        signedUp(email);
        String token = session(email).path("accessToken").asText();
        assertTrue(authorize(authorizer, "bearer " + token).allowed(), "the scheme is case-insensitive");
        for (String header : List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", token, "Bearer " + token + "x",
                "Bearer " + new StringBuilder(token).reverse())) {
            Decision denied = authorize(authorizer, header);
            assertFalse(denied.allowed(), header);
            assertEquals(Map.of(), denied.context());
        }
        assertFalse(authorize(authorizer, null).allowed());
        clock.advance(Duration.ofSeconds(AccessTokens.LIFETIME_SECONDS + AccessTokens.CLOCK_SKEW_SECONDS));
        assertFalse(authorize(authorizer, "Bearer " + token).allowed(), "expired");
    }

    private static <T> List<T> race(int parties, Callable<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parties);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                calls.add(action);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
