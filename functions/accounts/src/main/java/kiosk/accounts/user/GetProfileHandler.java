package kiosk.accounts.user;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/** GET /me: the signed-in caller's own profile, and only theirs: the id comes from the token. */
public final class GetProfileHandler extends HttpFunction {

    private final AccountService accounts;

    public GetProfileHandler() {
        this(AccountsWiring.accounts());
        SnapStart.prime("GetProfile", () -> prime(PrimingEvent.of("GET", "/me", Map.of())));
    }

    public GetProfileHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.ok(accounts.profile(request.requireCaller().userId())));
    }
}
