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
 * POST /auth/password-reset/confirm {token, newPassword} (public; the token is the credential):
 * 204, the password set and every sign-in of the account ended; 400 invalid-reset-token otherwise.
 */
public final class ConfirmPasswordResetHandler extends HttpFunction {

    private final PasswordService passwords;

    public ConfirmPasswordResetHandler() {
        this(AccountsWiring.passwords());
        SnapStart.prime("ConfirmPasswordReset", () -> {
            prime(PrimingEvent.of("POST", "/auth/password-reset/confirm", Map.of(), "{\"token\":\""
                    + AccountsPriming.TOKEN + "\",\"newPassword\":\"" + AccountsPriming.NEW_PASSWORD + "\"}",
                    Map.of()));
            AccountsWiring.hasher().verifyNothing("priming the Argon2id code path");
        });
    }

    public ConfirmPasswordResetHandler(PasswordService passwords) {
        this.passwords = passwords;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            passwords.confirmReset(request.body(ResetConfirmInput.class), request.sourceIp());
            return ApiResponse.noContent();
        });
    }
}
