package kiosk.accounts.session;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.accounts.AccountsPriming;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/**
 * POST /auth/refresh: a new token pair for a refresh token, which is used up. Public: the refresh
 * token is the credential, as the access token has usually expired by then.
 */
public final class RefreshHandler extends HttpFunction {

    private final SessionService sessions;

    public RefreshHandler() {
        this(AccountsWiring.sessions());
        SnapStart.prime("Refresh", () -> {
            // A token never issued: looked up, not found (401).
            prime(PrimingEvent.of("POST", "/auth/refresh", Map.of(), AccountsPriming.refreshBody(), Map.of()));
            // Then as most refreshes go: the token's sign-in and account found, the family rotated
            // and a new pair issued (200). Seeded and written in the primer's sandbox only.
            AccountsWiring.users().create(AccountsPriming.ACCOUNT);
            AccountsPriming.seedSignIn(AccountsWiring.sessionStore(), AccountsPriming.ACCOUNT.id());
            prime(PrimingEvent.of("POST", "/auth/refresh", Map.of(), AccountsPriming.refreshBody(), Map.of()));
        });
    }

    public RefreshHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context,
                request -> ApiResponse.ok(sessions.refresh(request.body(RefreshInput.class).refreshToken())));
    }
}
