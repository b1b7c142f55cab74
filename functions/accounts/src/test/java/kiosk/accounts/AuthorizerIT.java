package kiosk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kiosk.accounts.authorizer.Decision;
import kiosk.accounts.token.AccessTokens;
import org.junit.jupiter.api.Test;

/** The Lambda authorizer over tokens that login issues: anything else is denied. */
class AuthorizerIT extends WiredAccounts {

    @Test
    void theAuthorizerDeniesAbsentMalformedAndForeignTokens() {
        String email = newEmail();
        signedUp(email);
        String token = session(email).path("accessToken").asText();
        assertTrue(authorize(authorizer, "bearer " + token).allowed(), "the scheme is case-insensitive");
        for (String header : List.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", token, "Bearer " + token + "x",
                "Bearer " + new StringBuilder(token).reverse(), "Bearer " + token.substring(0, token.length() - 2),
                "Bearer " + token.substring(0, token.lastIndexOf('.') + 1) + "A")) {
            Decision denied = authorize(authorizer, header);
            assertFalse(denied.allowed(), header);
            assertEquals(Map.of(), denied.context());
        }
        assertFalse(authorize(authorizer, null).allowed());
        clock.advance(Duration.ofSeconds(AccessTokens.LIFETIME_SECONDS + AccessTokens.CLOCK_SKEW_SECONDS));
        assertFalse(authorize(authorizer, "Bearer " + token).allowed(), "expired");
    }
}
