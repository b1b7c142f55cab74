package kiosk.accounts.user;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/** POST /auth/signup: a new account, without roles; 201 with its profile. Public. */
public final class SignupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final AccountService accounts;

    public SignupHandler() {
        this(AccountsWiring.accounts());
        SnapStart.prime("Signup", () -> {
            handleRequest(PrimingEvent.of("POST", "/auth/signup", Map.of()), null);
            AccountsWiring.hasher().verifyNothing("priming the Argon2id code path");
        });
    }

    public SignupHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            User user = accounts.signUp(request.body(SignupInput.class));
            Log.info("account created", "userId", user.id());
            return ApiResponse.created("/me", Profile.of(user));
        });
    }
}
