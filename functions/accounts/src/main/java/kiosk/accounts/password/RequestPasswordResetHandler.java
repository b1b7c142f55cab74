package kiosk.accounts.password;

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

/**
 * POST /auth/password-reset {email} (public): always 202 for a well-formed email, whether or not it
 * has an account; the account's owner gets the token by email.
 */
public final class RequestPasswordResetHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The one answer, account or not. */
    public record Accepted(String message) {
    }

    static final Accepted ACCEPTED = new Accepted("If an account has this email, a message with a link to reset its"
            + " password is on its way. The link works once, for 30 minutes.");

    private final PasswordService passwords;

    public RequestPasswordResetHandler() {
        this(AccountsWiring.passwords());
        SnapStart.prime("RequestPasswordReset", () -> handleRequest(PrimingEvent.of("POST", "/auth/password-reset", Map.of()), null));
    }

    public RequestPasswordResetHandler(PasswordService passwords) {
        this.passwords = passwords;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            passwords.requestReset(request.body(ResetRequestInput.class), request.sourceIp());
            return ApiResponse.accepted(ACCEPTED);
        });
    }
}
