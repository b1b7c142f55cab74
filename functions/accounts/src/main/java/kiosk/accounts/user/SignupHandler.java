package kiosk.accounts.user;

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
import kiosk.shared.log.Log;
import kiosk.shared.ratelimit.RateLimiter;

/** POST /auth/signup: a new account, without roles; 201 with its profile. Public, limited per client address. */
public final class SignupHandler extends HttpFunction {

    private final AccountService accounts;
    private final RateLimiter limiter;

    public SignupHandler() {
        this(AccountsWiring.accounts(), AccountsWiring.signupLimiter());
        // A new account, hashed and created from memory (the id is SnapStart's fixed one): 201.
        SnapStart.prime("Signup", () -> prime(PrimingEvent.of("POST", "/auth/signup", Map.of(),
                "{\"email\":\"" + AccountsPriming.SIGNUP_EMAIL + "\",\"password\":\"" + AccountsPriming.NEW_PASSWORD
                        + "\",\"name\":\"SnapStart priming\"}", Map.of())));
    }

    public SignupHandler(AccountService accounts, RateLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            // Per client address, before any Argon2id work: accounts made in bulk cost us, not them.
            limiter.admit(request.sourceIp());
            User user = accounts.signUp(request.body(SignupInput.class));
            Log.info("account created", "userId", user.id());
            return ApiResponse.created("/me", Profile.of(user));
        });
    }
}
