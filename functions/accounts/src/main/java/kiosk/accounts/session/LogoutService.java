package kiosk.accounts.session;

import java.time.Clock;
import kiosk.accounts.token.RefreshTokens;
import kiosk.shared.error.ForbiddenException;

/**
 * Logout on its own: it needs only the sessions table, so LogoutFunction is given nothing else
 * (no users table, no signing secret) and must not build what login and refresh need.
 */
public final class LogoutService {

    private final SessionStore sessions;
    private final Clock clock;

    public LogoutService(SessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Ends the sign-in the refresh token belongs to; the caller's own only. Idempotent. */
    public void logOut(String userId, String refreshToken) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            return;
        }
        SessionStore.Token token = sessions.findToken(RefreshTokens.hash(refreshToken)).orElse(null);
        if (token == null) {
            return;
        }
        if (!token.userId().equals(userId)) {
            throw new ForbiddenException("This refresh token belongs to another account.");
        }
        sessions.revoke(token.familyId(), clock.instant());
    }
}
