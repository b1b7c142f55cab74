package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import kiosk.accounts.authorizer.Decision;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.user.User;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /auth/login: tokens for the right password, one answer for every wrong one, lock-outs, hash upgrades. */
class LoginIT extends WiredAccounts {

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
        assertEquals(id, allowed.context().get("userId"));
        assertEquals("", allowed.context().get("roles"));
        // The sign-in the token was issued to: its refresh-token family, which a password change keeps.
        String familyId = String.valueOf(allowed.context().get("sessionId"));
        assertNotNull(item(sessionsTable, "family#" + familyId), "the sessionId names the sign-in's family");
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
    void failedSignInsAndTheLockTheyEarnAreMetrics() {
        String email = newEmail();
        signedUp(email);
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream previous = kiosk.shared.log.Log.redirect(new java.io.PrintStream(captured, true,
                java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 5; i++) {
                assertProblem(logIn(email, "wrong password " + i), 401, "invalid-credentials");
            }
        } finally {
            kiosk.shared.log.Log.redirect(previous);
        }
        java.util.List<String> metrics = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("{\"_aws\"")).toList();
        assertEquals(5, metrics.stream().filter(l -> l.contains("\"LoginsFailed\":1")).count(), metrics::toString);
        assertEquals(1, metrics.stream().filter(l -> l.contains("\"AccountsLocked\":1")).count(), "the fifth earns the lock");
        assertTrue(metrics.get(4).contains("\"AccountsLocked\":1"), metrics.get(4));
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
                Arguments.of("array body", "[\"a@example.com\",\"x\"]", 400, "malformed-json"),
                Arguments.of("markup as email", "{\"email\":\"<script>alert(1)</script>\",\"password\":\"x\"}", 400, "validation"),
                Arguments.of("control characters in email", "{\"email\":\"a\\u0000b\\u001b@example.com\",\"password\":\"x\"}", 400, "validation"),
                Arguments.of("no domain", "{\"email\":\"ann@\",\"password\":\"x\"}", 400, "validation"),
                Arguments.of("SQL-shaped email", "{\"email\":\"' OR '1'='1\",\"password\":\"x\"}", 400, "validation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLogins")
    void loginRefusesHostileInputBeforeCountingAnAttempt(String attack, String json, int status, String slug) {
        assertRefusedStoringNothing(attack, () -> post(login, "/auth/login", json), status, slug);
    }

    @Test
    void ofFiftyParallelWrongPasswordsExactlyFiveAreChecked() throws Exception {
        String email = newEmail();
        signedUp(email);
        List<Integer> statuses = Race.run(50, () -> logIn(email, "wrong password").getStatusCode());
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), statuses::toString);
        assertEquals(45, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
        APIGatewayV2HTTPResponse locked = logIn(email, PASSWORD);
        assertProblem(locked, 429, "too-many-attempts");
        assertEquals("60", locked.getHeaders().get("retry-after"), "the fifth failure's lock, not a later smaller one");
    }

    @Test
    void aGuesserLocksTheEmailForTheirAddressOnlyAndTheOwnerSignsInFromElsewhere() {
        String email = newEmail();
        signedUp(email);
        for (int i = 0; i < 5; i++) {
            assertProblem(logInFrom("203.0.113.9", email, "guess " + i), 401, "invalid-credentials");
        }
        assertProblem(logInFrom("203.0.113.9", email, PASSWORD), 429, "too-many-attempts");
        assertEquals(200, logIn(email, PASSWORD).getStatusCode(), "the owner, at another address");
    }
}
