package kiosk.accounts.password;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import kiosk.accounts.AccountsPriming;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/**
 * POST /auth/password-reset {email} (public): always 202 for a well-formed email, whether or not it
 * has an account; the account's owner gets the token by email.
 */
public final class RequestPasswordResetHandler extends HttpFunction {

    /** The one answer, account or not. */
    public record Accepted(String message) {
    }

    static final Accepted ACCEPTED = new Accepted("If an account has this email, a message with a link to reset its"
            + " password is on its way. The link works once, for 30 minutes.");

    /**
     * No answer leaves sooner than this after the request arrived. A real account's reset writes
     * the token and queues the email (about 60 ms against 30 ms for an unknown email, measured
     * locally), so without a floor the time of the identical answer would tell whether the email
     * has an account. Well above that work's tail, and unnoticed by a person who forgot a password.
     */
    public static final Duration FLOOR = Duration.ofMillis(300);

    private final PasswordService passwords;
    private final Duration floor;

    public RequestPasswordResetHandler() {
        this(AccountsWiring.passwords(), FLOOR);
        // The path without the floor: a snapshot need not wait for it.
        SnapStart.prime("RequestPasswordReset", () -> serve(PrimingEvent.of("POST", "/auth/password-reset",
                Map.of(), "{\"email\":\"" + AccountsPriming.EMAIL + "\"}", Map.of()), null));
    }

    public RequestPasswordResetHandler(PasswordService passwords, Duration floor) {
        this.passwords = passwords;
        this.floor = floor;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long deadline = System.nanoTime() + floor.toNanos();
        APIGatewayV2HTTPResponse answer = serve(event, context);
        // Every answer, refusals included: they all come before the account is looked up.
        long left = deadline - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer;
    }

    private APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            passwords.requestReset(request.body(ResetRequestInput.class), request.sourceIp());
            return ApiResponse.accepted(ACCEPTED);
        });
    }
}
