package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kiosk.accounts.authorizer.Decision;
import kiosk.accounts.session.SessionService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /auth/refresh: rotation, theft detection, races, expiry, and new roles reaching the next token. */
class RefreshIT extends WiredAccounts {

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

        clock.advance(SessionService.REFRESH_GRACE);
        assertProblem(refreshWith(first), 401, "invalid-refresh-token");
        assertProblem(refreshWith(second), 401, "invalid-refresh-token");
    }

    @Test
    void aRetryAfterALostResponseWithinTheGraceIsAnsweredAndLogsNobodyOut() {
        String email = newEmail();
        signedUp(email);
        String first = session(email).path("refreshToken").asText();
        String lost = body(refreshWith(first)).path("refreshToken").asText();
        clock.advance(Duration.ofSeconds(3));
        APIGatewayV2HTTPResponse retried = refreshWith(first);
        assertEquals(200, retried.getStatusCode(), retried::getBody);
        assertEquals(200, refreshWith(body(retried).path("refreshToken").asText()).getStatusCode());
        clock.advance(SessionService.REFRESH_GRACE);
        assertProblem(refreshWith(lost), 401, "invalid-refresh-token");
    }

    @Test
    void concurrentRefreshesWithOneTokenAreRetriesAndAllSucceed() throws Exception {
        String email = newEmail();
        signedUp(email);
        String token = session(email).path("refreshToken").asText();

        List<Integer> statuses = Race.run(6, () -> refreshWith(token).getStatusCode());

        assertEquals(List.of(200, 200, 200, 200, 200, 200), statuses);
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
        for (String wrongType : List.of("123", "true", "[\"a\"]")) {
            JsonNode problem = assertProblem(post(refresh, "/auth/refresh", "{\"refreshToken\":" + wrongType + "}"), 400,
                    "validation");
            assertEquals("/refreshToken", problem.path("errors").path(0).path("pointer").asText(), wrongType);
        }
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertProblem(refreshWith(token), 401, "invalid-refresh-token");
        assertNothingStoredSince(before, "refused refreshes");
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
}
