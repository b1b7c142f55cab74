package kiosk.accounts;

import java.time.Instant;
import java.util.Set;
import kiosk.accounts.session.SessionStore;
import kiosk.accounts.token.RefreshTokens;
import kiosk.accounts.user.User;

/**
 * What the accounts functions' SnapStart primers send: well-formed requests that reach the stores
 * and name nothing there, so each primer takes a real request's path through its validation, its
 * lookups and its attempt counts (see kiosk.shared.aws's priming client) and ends where a request
 * for an unknown account ends. A body that fails validation would prime only the refusal.
 */
public final class AccountsPriming {

    /** The shape of a refresh or reset token, which is 256 random bits: never one we issued. */
    public static final String TOKEN = "snapstart-priming-token-never-issued-000000";
    /** An address no account can have: signup refuses it (SignupInput). */
    public static final String EMAIL = "snapstart-priming@example.com";
    /** Signup's primer's address: its account is created from memory, so it may be anyone's. */
    public static final String SIGNUP_EMAIL = "snapstart-priming-signup@example.com";
    /** Passwords the policy accepts for {@link #EMAIL}, so a primer's body passes validation. */
    public static final String PASSWORD = "quiet meadow 19 copper kettle";
    public static final String NEW_PASSWORD = "pelican harbour 47 lantern tide";

    /**
     * The account a primer seeds where its request must find one (a grant, a refresh): created in
     * the primer's sandbox (kiosk.shared.aws.PrimingSandbox), never in UsersTable. Its address is
     * {@link #EMAIL}, which signup refuses; its hash is no password's.
     */
    public static final User ACCOUNT = new User("snapstart-priming", EMAIL, "Priming", "snapstart-priming-no-password",
            Set.of(), "2000-01-01T00:00:00Z");
    /** The sign-in (refresh-token family) {@link #seedSignIn} starts. */
    public static final String FAMILY = "snapstart-priming-family";

    private AccountsPriming() {
    }

    /** Starts a sign-in of {@code userId} whose refresh token is {@link #TOKEN}, in the primer's sandbox. */
    public static void seedSignIn(SessionStore sessions, String userId) {
        Instant now = Instant.now();
        sessions.start(FAMILY, userId, RefreshTokens.hash(TOKEN), now.plusSeconds(RefreshTokens.LIFETIME_SECONDS), now);
    }

    public static String refreshBody() {
        return "{\"refreshToken\":\"" + TOKEN + "\"}";
    }
}
