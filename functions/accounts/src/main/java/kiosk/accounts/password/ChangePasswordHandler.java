package kiosk.accounts.password;

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
 * POST /me/password {currentPassword, newPassword}: 204, every other sign-in of the account ended;
 * the caller's stays. Signed in.
 */
public final class ChangePasswordHandler extends HttpFunction {

    private final PasswordService passwords;

    public ChangePasswordHandler() {
        this(AccountsWiring.passwords());
        SnapStart.prime("ChangePassword", () -> {
            prime(PrimingEvent.of("POST", "/me/password", Map.of(), "{\"currentPassword\":\"" + AccountsPriming.PASSWORD
                    + "\",\"newPassword\":\"" + AccountsPriming.NEW_PASSWORD + "\"}", Map.of()));
            AccountsWiring.hasher().verifyNothing("priming the Argon2id code path");
        });
    }

    public ChangePasswordHandler(PasswordService passwords) {
        this.passwords = passwords;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            passwords.change(userId, request.sessionId(), request.body(ChangePasswordInput.class));
            return ApiResponse.noContent();
        });
    }
}
