package kiosk.accounts;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.Test;

/** POST /auth/logout: the caller's own sign-in ends, and no one else's. */
class LogoutIT extends WiredAccounts {

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
}
