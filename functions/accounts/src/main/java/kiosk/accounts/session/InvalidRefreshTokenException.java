package kiosk.accounts.session;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** Unknown, expired, revoked or already used: the client cannot tell which, and must sign in again. */
public final class InvalidRefreshTokenException extends DomainException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType INVALID_REFRESH_TOKEN =
            new ProblemType("invalid-refresh-token", 401, "Invalid refresh token");

    public InvalidRefreshTokenException() {
        super(INVALID_REFRESH_TOKEN, "The refresh token is not valid. Sign in again.");
    }
}
