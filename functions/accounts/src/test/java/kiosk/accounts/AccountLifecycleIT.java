package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.accounts.password.ChangePasswordHandler;
import kiosk.accounts.password.ConfirmPasswordResetHandler;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.password.PasswordService;
import kiosk.accounts.password.RequestPasswordResetHandler;
import kiosk.accounts.password.SqsAccountNotices;
import kiosk.accounts.session.DynamoDbLoginAttempts;
import kiosk.accounts.session.DynamoDbSessionStore;
import kiosk.emulator.LocalAws;
import kiosk.shared.json.Json;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Changing and resetting a password, through the handlers, against DynamoDB Local and the
 * template's NotificationsQueue in ElasticMQ (where the reset token is read, as the notifications
 * job would read it to email it).
 */
class AccountLifecycleIT extends WiredAccounts {

    private static final String NEW_PASSWORD = "amber falcon ridge meadow";

    private static SqsClient sqs;
    private static String queue;

    private ChangePasswordHandler change;
    private RequestPasswordResetHandler requestReset;
    private ConfirmPasswordResetHandler confirmReset;

    @BeforeAll
    static void queue(LocalAws aws) {
        sqs = aws.sqs();
        queue = aws.queueUrl("NotificationsQueue");
    }

    @BeforeEach
    void passwords() {
        PasswordService passwords = new PasswordService(users, new DynamoDbLoginAttempts(dynamoDb, usersTable),
                new DynamoDbSessionStore(dynamoDb, sessionsTable), new PasswordHasher(TEST_COST),
                new SqsAccountNotices(sqs, queue), PasswordService.Limits.NONE, clock);
        change = new ChangePasswordHandler(passwords);
        // No floor here: these tests are about what is written and sent (the floor has its own test).
        requestReset = new RequestPasswordResetHandler(passwords, Duration.ZERO);
        confirmReset = new ConfirmPasswordResetHandler(passwords);
    }

    @Test
    void changingThePasswordEndsEveryOtherSignInButTheCallersAndTellsTheOwner() {
        String email = newEmail();
        String id = signedUp(email);
        JsonNode mine = session(email);
        JsonNode other = session(email);
        String myFamily = String.valueOf(authorize(authorizer, "Bearer " + mine.path("accessToken").asText()).context()
                .get("sessionId"));

        APIGatewayV2HTTPResponse changed = change.handleRequest(ApiEvents.request("POST", "/me/password").caller(id)
                .session(myFamily).json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
                .build(), null);
        assertEquals(204, changed.getStatusCode(), changed::getBody);

        assertEquals(401, refreshWith(other.path("refreshToken").asText()).getStatusCode(), "the other sign-in ended");
        assertEquals(200, refreshWith(mine.path("refreshToken").asText()).getStatusCode(), "the caller's stays");
        assertProblem(logIn(email, PASSWORD), 401, "invalid-credentials");
        assertEquals(200, logIn(email, NEW_PASSWORD).getStatusCode());
        assertNotNull(notice(id, SqsAccountNotices.PASSWORD_CHANGED), "the owner is told");
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneIsRefusedAndChangesNothing() {
        String email = newEmail();
        String id = signedUp(email);
        var account = item(usersTable, "user#" + id);
        // Each refusal after the body is read counts as a guess (guessingTheCurrentPassword...), nothing more.
        assertEquals("/currentPassword", assertProblem(changeAs(id, "not my password at all", NEW_PASSWORD), 400, "validation")
                .path("errors").path(0).path("pointer").asText());
        assertEquals("/newPassword", assertProblem(changeAs(id, PASSWORD, "password1234"), 400, "validation")
                .path("errors").path(0).path("pointer").asText());
        assertProblem(changeAs(id, PASSWORD, PASSWORD), 400, "validation");
        assertRefusedStoringNothing("no new password", () -> change.handleRequest(ApiEvents.request("POST", "/me/password")
                .caller(id).json("{\"currentPassword\":\"" + PASSWORD + "\"}").build(), null), 400, "validation");
        assertEquals(account, item(usersTable, "user#" + id), "the account as it was");
        assertProblem(change.handleRequest(ApiEvents.request("POST", "/me/password")
                .json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").build(), null),
                401, "unauthorized");
        assertEquals(200, logIn(email, PASSWORD).getStatusCode(), "the password is as it was");
    }

    @Test
    void guessingTheCurrentPasswordLocksAfterFiveWrongOnes() {
        String id = signedUp(newEmail());
        for (int i = 0; i < 5; i++) {
            assertProblem(changeAs(id, "wrong guess number " + i, NEW_PASSWORD), 400, "validation");
        }
        assertProblem(changeAs(id, PASSWORD, NEW_PASSWORD), 429, "too-many-attempts");
    }

    @Test
    void anOwnerWhoseNewPasswordsAreRefusedIsNotLockedOut() {
        String id = signedUp(newEmail());
        // The right current password each time: a new password the policy refuses is no guess.
        for (String weak : java.util.List.of("short", "password1234", "x".repeat(129), "password1234", "short", "short")) {
            assertProblem(changeAs(id, PASSWORD, weak), 400, "validation");
        }
        assertEquals(204, changeAs(id, PASSWORD, NEW_PASSWORD).getStatusCode());
    }

    @Test
    void aResetTokenSetsThePasswordOnceEndingEverySignInAndEveryEarlierAccessToken() {
        String email = newEmail();
        String id = signedUp(email);
        JsonNode before = session(email);
        String token = resetToken(email, id);
        assertNull(item(usersTable, "reset#" + token), "only the token's hash is stored");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(204, confirm(token, NEW_PASSWORD).getStatusCode());
        assertProblem(confirm(token, "another fine long passphrase"), 400, "invalid-reset-token");

        assertEquals(401, refreshWith(before.path("refreshToken").asText()).getStatusCode(), "every sign-in ended");
        assertFalse(authorize(authorizer, "Bearer " + before.path("accessToken").asText()).allowed(),
                "an access token issued before the reset is refused");
        assertProblem(logIn(email, PASSWORD), 401, "invalid-credentials");
        JsonNode after = body(logIn(email, NEW_PASSWORD));
        assertTrue(authorize(authorizer, "Bearer " + after.path("accessToken").asText()).allowed());
        assertNotNull(notice(id, SqsAccountNotices.PASSWORD_CHANGED));
    }

    /**
     * A token issued in the same second as a reset, before it, is refused too: an outside attack
     * kept such tokens working for their 15 minutes (8 of 8) when the reset's mark was in whole
     * seconds, like iat. A token issued after the reset, in that same second, works.
     */
    @Test
    void anAccessTokenIssuedEarlierInTheSameSecondAsAResetIsRefused() {
        String email = newEmail();
        String id = signedUp(email);
        String token = resetToken(email, id);
        clock.set(START.plusSeconds(60).plusMillis(100));
        JsonNode before = session(email);
        clock.set(START.plusSeconds(60).plusMillis(400));
        assertEquals(204, confirm(token, NEW_PASSWORD).getStatusCode());
        assertFalse(authorize(authorizer, "Bearer " + before.path("accessToken").asText()).allowed(),
                "a token from 300 ms before the reset");
        JsonNode after = body(logIn(email, NEW_PASSWORD));
        assertTrue(authorize(authorizer, "Bearer " + after.path("accessToken").asText()).allowed(),
                "a token from the reset's own instant, with the new password");
    }

    @Test
    void aResetLiftsTheLockOnTheEmail() {
        String email = newEmail();
        String id = signedUp(email);
        for (int i = 0; i < 5; i++) {
            logIn(email, "wrong guess number " + i);
        }
        assertProblem(logIn(email, PASSWORD), 429, "too-many-attempts");
        assertEquals(204, confirm(resetToken(email, id), NEW_PASSWORD).getStatusCode());
        assertEquals(200, logIn(email, NEW_PASSWORD).getStatusCode(), "the owner signs in at once");
    }

    @Test
    void aNewerResetReplacesTheOlderTokenAndATokenLastsThirtyMinutes() {
        String email = newEmail();
        String id = signedUp(email);
        String first = resetToken(email, id);
        String second = resetToken(email, id);
        assertProblem(confirm(first, NEW_PASSWORD), 400, "invalid-reset-token");
        clock.advance(PasswordService.RESET_LIFETIME.plusSeconds(1));
        assertProblem(confirm(second, NEW_PASSWORD), 400, "invalid-reset-token");
        assertEquals(200, logIn(email, PASSWORD).getStatusCode(), "the password is as it was");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNothingIsSent() {
        String email = newEmail();
        APIGatewayV2HTTPResponse answer = requestReset.handleRequest(ApiEvents.request("POST", "/auth/password-reset")
                .sourceIp(address).json("{\"email\":\"" + email + "\"}").build(), null);
        assertEquals(202, answer.getStatusCode(), answer::getBody);
        String id = signedUp(email);
        APIGatewayV2HTTPResponse known = requestReset.handleRequest(ApiEvents.request("POST", "/auth/password-reset")
                .sourceIp(address).json("{\"email\":\"" + email + "\"}").build(), null);
        assertEquals(answer.getBody(), known.getBody(), "one answer, account or not");
        assertNotNull(notice(id, SqsAccountNotices.PASSWORD_RESET));
        assertProblem(requestReset.handleRequest(ApiEvents.request("POST", "/auth/password-reset").sourceIp(address)
                .json("{\"email\":\"not an email\"}").build(), null), 400, "validation");
        assertProblem(confirm("short", NEW_PASSWORD), 400, "invalid-reset-token");
    }

    /**
     * The answer's time does not tell whether the email has an account: every answer, for an
     * unknown email, a real account, or a refusal, leaves no sooner than the floor after the
     * request came, which is well above the work a real account's reset does.
     */
    @Test
    void everyResetAnswerTakesTheFloorAccountOrNot() {
        RequestPasswordResetHandler floored = new RequestPasswordResetHandler(new PasswordService(users,
                new DynamoDbLoginAttempts(dynamoDb, usersTable), new DynamoDbSessionStore(dynamoDb, sessionsTable),
                new PasswordHasher(TEST_COST), new SqsAccountNotices(sqs, queue), PasswordService.Limits.NONE, clock),
                RequestPasswordResetHandler.FLOOR);
        String email = newEmail();
        String id = signedUp(email);
        for (String body : List.of("{\"email\":\"" + newEmail() + "\"}", "{\"email\":\"" + email + "\"}",
                "{\"email\":\"not an email\"}")) {
            long began = System.nanoTime();
            APIGatewayV2HTTPResponse answer = floored.handleRequest(ApiEvents.request("POST", "/auth/password-reset")
                    .sourceIp(address).json(body).build(), null);
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            assertTrue(answer.getStatusCode() == 202 || answer.getStatusCode() == 400, answer::getBody);
            assertTrue(took.compareTo(RequestPasswordResetHandler.FLOOR) >= 0, body + " answered in " + took);
        }
        assertNotNull(notice(id, SqsAccountNotices.PASSWORD_RESET), "the real account's reset was sent");
    }

    /**
     * Sign-ins with the old password running while the password changes: each that got tokens
     * either began its sign-in before the change (and is revoked with the other sign-ins) or lost
     * to it (401). None may still refresh afterwards; only the caller's sign-in does. Several
     * rounds, each with three sign-ins in a loop from fresh addresses, so that some land in the
     * gap between the change's new hash and its revocations.
     */
    @Test
    void aSignInWithTheOldPasswordRacingAChangeDoesNotOutliveIt() throws Exception {
        AtomicInteger addresses = new AtomicInteger();
        int survivors = 0;
        int signIns = 0;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 6; round++) {
                String email = newEmail();
                String id = signedUp(email);
                JsonNode mine = session(email);
                String myFamily = String.valueOf(authorize(authorizer, "Bearer " + mine.path("accessToken").asText())
                        .context().get("sessionId"));
                AtomicBoolean changed = new AtomicBoolean();
                CountDownLatch running = new CountDownLatch(3);
                List<Future<List<String>>> racers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    racers.add(pool.submit(() -> {
                        List<String> tokens = new ArrayList<>();
                        running.countDown();
                        while (!changed.get()) {
                            int n = addresses.incrementAndGet();
                            APIGatewayV2HTTPResponse answer = logInFrom("172.16." + (n >> 8 & 255) + "." + (n & 255),
                                    email, PASSWORD);
                            if (answer.getStatusCode() == 200) {
                                tokens.add(body(answer).path("refreshToken").asText());
                            } else {
                                assertProblem(answer, 401, "invalid-credentials");
                            }
                        }
                        return tokens;
                    }));
                }
                running.await();
                Thread.sleep(5 + round * 7L);
                APIGatewayV2HTTPResponse answer = change.handleRequest(ApiEvents.request("POST", "/me/password")
                        .caller(id).session(myFamily).json("{\"currentPassword\":\"" + PASSWORD
                                + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}").build(), null);
                changed.set(true);
                assertEquals(204, answer.getStatusCode(), answer::getBody);
                for (Future<List<String>> racer : racers) {
                    for (String token : racer.get()) {
                        signIns++;
                        survivors += refreshWith(token).getStatusCode() == 200 ? 1 : 0;
                    }
                }
                assertEquals(200, refreshWith(mine.path("refreshToken").asText()).getStatusCode(), "the caller's stays");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(signIns > 0, "the old password signed in while the change was coming");
        assertEquals(0, survivors, "sign-ins with the old password that outlived the change, of " + signIns);
    }

    /** Eight confirmations of one token at once, each with its own password: exactly one sets it. */
    @Test
    void confirmationsOfOneTokenAtOnceSetThePasswordExactlyOnce() throws Exception {
        String email = newEmail();
        String id = signedUp(email);
        String token = resetToken(email, id);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String password = NEW_PASSWORD + " " + i;
                Callable<Integer> racer = () -> {
                    start.await();
                    return confirm(token, password).getStatusCode();
                };
                answers.add(pool.submit(racer));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses::toString);
            assertEquals(racers - 1, statuses.stream().filter(s -> s == 400).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        // Each from its own address: seven wrong passwords from one would lock the pair (five), and
        // the right one, tried after them, would be refused for that rather than for being wrong.
        int signedIn = 0;
        for (int i = 0; i < racers; i++) {
            signedIn += logInFrom("192.0.2." + (i + 1), email, NEW_PASSWORD + " " + i).getStatusCode() == 200 ? 1 : 0;
        }
        assertEquals(1, signedIn, "exactly one of the passwords is the account's");
    }

    private APIGatewayV2HTTPResponse changeAs(String id, String current, String next) {
        return change.handleRequest(ApiEvents.request("POST", "/me/password").caller(id)
                .json("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}").build(), null);
    }

    private APIGatewayV2HTTPResponse confirm(String token, String password) {
        return confirmReset.handleRequest(ApiEvents.request("POST", "/auth/password-reset/confirm").sourceIp(address)
                .json("{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}").build(), null);
    }

    /** Asks for a reset and reads the token from the NotificationsQueue message the job would email. */
    private String resetToken(String email, String id) {
        APIGatewayV2HTTPResponse answer = requestReset.handleRequest(ApiEvents.request("POST", "/auth/password-reset")
                .sourceIp(address).json("{\"email\":\"" + email + "\"}").build(), null);
        assertEquals(202, answer.getStatusCode(), answer::getBody);
        JsonNode notice = notice(id, SqsAccountNotices.PASSWORD_RESET);
        assertNotNull(notice, "a reset notice for the account");
        return notice.path("resetToken").asText();
    }

    /**
     * The newest notice of this type for the account; null if none is on the queue. Every message
     * read is deleted: nothing else in this module reads the queue.
     */
    private static JsonNode notice(String userId, String type) {
        JsonNode found = null;
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return found;
            }
            for (Message message : messages) {
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
                JsonNode body = json(message.body());
                if (userId.equals(body.path("userId").asText()) && type.equals(body.path("account").asText())) {
                    found = body;
                }
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
