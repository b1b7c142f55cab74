package kiosk.accounts.user;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import kiosk.accounts.AccountsPriming;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.error.DomainException;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The bootstrap of admins: not on the HTTP API, invoked by an operator whose AWS credentials may
 * invoke this function ({@code aws lambda invoke}, {@code sam remote invoke}). Input
 * {@code {"email": "..."}} names an account that has signed up; it gains the admin role, effective
 * from its next login or refresh. The answer says what happened, or why not. An
 * {@link EventFunction}, like the other functions no HTTP route reaches: as a POJO handler the
 * runtime client would build its serialization library at init, which no primer reaches.
 */
public final class GrantAdminHandler extends EventFunction {

    /**
     * The address the primer asks for: signup refuses it, so no account has it until the primer
     * seeds one in its sandbox. (".invalid" was not enough: signup accepted it.)
     */
    public static final String PRIMING_EMAIL = AccountsPriming.EMAIL;

    private final AccountService accounts;

    public GrantAdminHandler() {
        this(AccountsWiring.accounts());
        SnapStart.prime("GrantAdmin", () -> {
            // An address no account can have: looked up, not found, nothing granted.
            prime(Map.of("email", PRIMING_EMAIL));
            // Then the same address found and granted, as an operator's request is: the account
            // created and updated in the primer's sandbox, never in UsersTable (PrimingSandbox).
            AccountsWiring.users().create(AccountsPriming.ACCOUNT);
            prime(Map.of("email", PRIMING_EMAIL));
        });
    }

    public GrantAdminHandler(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        try (Log.Scope ignored = Log.invocation(context, null)) {
            return invoke(input);
        }
    }

    private Map<String, Object> invoke(Map<String, Object> input) {
        // Anything but a string (a number, a list) names no account: refused as a missing email is.
        String email = input != null && input.get("email") instanceof String text ? text : null;
        try {
            User user = accounts.grantAdmin(email);
            if (!SnapStart.priming()) {
                // Operators alert on this line; a snapshot's primer grants nothing real.
                Log.warn("admin role granted", "userId", user.id());
            }
            return Map.of("granted", true, "userId", user.id(), "roles", user.sortedRoles());
        } catch (DomainException e) {
            return Map.of("granted", false, "problem", e.type().uri(), "detail", e.getMessage());
        }
    }
}
