package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import kiosk.accounts.user.GrantAdminHandler;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.Test;

/** GET /me and the operator's GrantAdminFunction. */
class ProfileIT extends WiredAccounts {

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
    void noOneCanSignUpWithTheAddressTheGrantPrimerLooksUp() {
        // Before a snapshot the primer looks this address up: a real account there would be read
        // into the snapshot, and the primer would take a found account's path on real data.
        assertEquals(400, signUp(GrantAdminHandler.PRIMING_EMAIL, PASSWORD).getStatusCode());
    }

    @Test
    void grantAdminNeedsASignedUpAccount() {
        Map<String, Object> refused = grantAdmin.handleRequest(Map.of("email", newEmail()), null);
        assertEquals(false, refused.get("granted"));
        assertEquals("urn:kiosk:problem:not-found", refused.get("problem"));
        assertEquals(false, grantAdmin.handleRequest(Map.of("email", "not an email"), null).get("granted"));
        assertEquals(false, grantAdmin.handleRequest(Map.of(), null).get("granted"));
    }
}
