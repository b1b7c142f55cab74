package kiosk.accounts.session;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.accounts.AccountsPriming;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Caller;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/**
 * POST /auth/logout {refreshToken}: revokes that sign-in's refresh-token family. Signed in; 204
 * also when the token is unknown or already revoked, as the outcome the caller wants holds. The
 * access token itself stays valid until it expires (at most 15 minutes): it is not stored anywhere.
 */
public final class LogoutHandler extends HttpFunction {

    private final LogoutService logouts;

    public LogoutHandler() {
        this(AccountsWiring.logouts());
        SnapStart.prime("Logout", () -> {
            // A token never issued: nothing to end (204).
            prime(PrimingEvent.of("POST", "/auth/logout", Map.of(), AccountsPriming.refreshBody(), Map.of()));
            // Then the caller's own sign-in found and revoked (204), as a real logout's is: seeded
            // and revoked in the primer's sandbox only.
            AccountsPriming.seedSignIn(AccountsWiring.logoutSessions(), PrimingEvent.USER);
            prime(PrimingEvent.of("POST", "/auth/logout", Map.of(), AccountsPriming.refreshBody(), Map.of()));
        });
    }

    public LogoutHandler(LogoutService logouts) {
        this.logouts = logouts;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller caller = request.requireCaller();
            logouts.logOut(caller.userId(), request.body(RefreshInput.class).refreshToken());
            return ApiResponse.noContent();
        });
    }
}
