package kiosk.accounts.password;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** Unknown, expired, superseded by a newer one, or used: the client cannot tell which. */
public final class InvalidResetTokenException extends DomainException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType INVALID_RESET_TOKEN = new ProblemType("invalid-reset-token", 400, "Invalid reset token");

    public InvalidResetTokenException() {
        super(INVALID_RESET_TOKEN, "This reset link is not valid: it was used, replaced by a newer one, or is more than"
                + " 30 minutes old. Ask for a new one.");
    }
}
