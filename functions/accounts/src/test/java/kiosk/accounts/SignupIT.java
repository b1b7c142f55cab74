package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /auth/signup: accounts without roles, unique emails, hostile input refused and nothing stored. */
class SignupIT extends WiredAccounts {

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
        assertNothingStoredSince(before, "a taken email");
    }

    @Test
    void oneAddressMayCreateOnlyItsLimitOfAccountsAWindowAndIsToldWhenToComeBack() {
        // GIVEN an address that has used its signups of this window
        for (int i = 0; i < signupLimit.limit(); i++) {
            assertEquals(201, signUp(newEmail(), PASSWORD).getStatusCode());
        }
        List<Map<String, AttributeValue>> before = everything();
        // WHEN it tries once more
        APIGatewayV2HTTPResponse refused = signUp(newEmail(), PASSWORD);
        // THEN a 429 with the seconds to the window's end, and no account
        assertProblem(refused, 429, "rate-limited");
        long windowSeconds = signupLimit.window().toSeconds();
        long expected = windowSeconds - START.getEpochSecond() % windowSeconds;
        assertEquals(String.valueOf(expected), refused.getHeaders().get("retry-after"));
        assertNothingStoredSince(before, "a signup over the limit");
        // another address is not held back by this one
        assertEquals(201, signUpFrom(address + "1", newEmail(), PASSWORD).getStatusCode());
        // and once the window is over, the first may sign up again
        clock.advance(java.time.Duration.ofSeconds(expected));
        assertEquals(201, signUp(newEmail(), PASSWORD).getStatusCode());
    }

    @Test
    void concurrentSignupsWithOneEmailCreateOneAccount() throws Exception {
        String email = newEmail();
        List<Integer> statuses = Race.run(8, () -> signUp(email, PASSWORD).getStatusCode());

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
                Arguments.of("the SnapStart primers' address", "{\"email\":\"" + AccountsPriming.EMAIL.toUpperCase() + "\"," + ok + "}",
                        400, "validation"),
                Arguments.of("missing fields", "{}", 400, "validation"),
                Arguments.of("not JSON", "email=a@example.com", 400, "malformed-json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSignups")
    void signupRefusesBadAndHostileInputAndStoresNothing(String attack, String json, int status, String slug) {
        assertRefusedStoringNothing(attack, () -> post(signup, "/auth/signup", json), status, slug);
    }

    @Test
    void signupNeedsAJsonBody() {
        APIGatewayV2HTTPEvent form = ApiEvents.request("POST", "/auth/signup").header("content-type", "text/plain")
                .body("hello").build();
        assertProblem(signup.handleRequest(form, null), 415, "unsupported-media-type");
    }
}
