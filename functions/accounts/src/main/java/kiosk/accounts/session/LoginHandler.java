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

/** POST /auth/login: an access token and a refresh token for a right email and password. Public. */
public final class LoginHandler extends HttpFunction {

    private final SessionService sessions;

    public LoginHandler() {
        this(AccountsWiring.sessions());
        SnapStart.prime("Login", () -> {
            // An unknown address: counted, looked up, and its password checked against nothing.
            prime(PrimingEvent.of("POST", "/auth/login", Map.of(), "{\"email\":\"" + AccountsPriming.EMAIL
                    + "\",\"password\":\"" + AccountsPriming.PASSWORD + "\"}", Map.of()));
            // Anyone may lock that address with failed sign-ins, and a locked one is refused before
            // the check: Argon2id is primed on its own too.
            AccountsWiring.hasher().verifyNothing("priming the Argon2id code path");
        });
    }

    public LoginHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.ok(sessions.logIn(request.body(LoginInput.class), request.sourceIp())));
    }
}
