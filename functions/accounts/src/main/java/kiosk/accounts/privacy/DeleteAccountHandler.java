package kiosk.accounts.privacy;

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

/** DELETE /me {password}: erases the caller's account (204), or says why not (409 erasure-blocked). Signed in. */
public final class DeleteAccountHandler extends HttpFunction {

    private final PrivacyService privacy;

    public DeleteAccountHandler() {
        this(AccountsWiring.privacy());
        SnapStart.prime("DeleteAccount", () -> {
            prime(PrimingEvent.of("DELETE", "/me", Map.of(), "{\"password\":\"" + AccountsPriming.PASSWORD + "\"}",
                    Map.of()));
            AccountsWiring.hasher().verifyNothing("priming the Argon2id code path");
        });
    }

    public DeleteAccountHandler(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            privacy.erase(userId, request.body(ErasureInput.class).password());
            return ApiResponse.noContent();
        });
    }
}
