package kiosk.accounts.user;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.error.DomainException;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The bootstrap of admins: not on the HTTP API, invoked by an operator whose AWS credentials may
 * invoke this function ({@code aws lambda invoke}, {@code sam remote invoke}). Input
 * {@code {"email": "..."}} names an account that has signed up; it gains the admin role, effective
 * from its next login or refresh. The answer says what happened, or why not.
 */
public final class GrantAdminHandler implements RequestHandler<Map<String, String>, Map<String, Object>> {

    private final AccountService accounts;

    public GrantAdminHandler() {
        this(AccountsWiring.accounts());
        // An address no account can have (.invalid is reserved): looked up, not found, nothing granted.
        SnapStart.prime("GrantAdmin", () -> handleRequest(Map.of("email", "priming@kiosk.invalid"), null));
    }

    public GrantAdminHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, String> input, Context context) {
        try (Log.Scope ignored = Log.invocation(context, null)) {
            return invoke(input, context);
        }
    }

    private Map<String, Object> invoke(Map<String, String> input, Context context) {
        String email = input == null ? null : input.get("email");
        try {
            User user = accounts.grantAdmin(email);
            Log.warn("admin role granted", "userId", user.id());
            return Map.of("granted", true, "userId", user.id(), "roles", user.sortedRoles());
        } catch (DomainException e) {
            return Map.of("granted", false, "problem", e.type().uri(), "detail", e.getMessage());
        }
    }
}
