package kiosk.accounts.user;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

public final class EmailTakenException extends DomainException {

    private static final long serialVersionUID = 1L;
    public static final ProblemType EMAIL_TAKEN = new ProblemType("email-taken", 409, "Email already registered");

    public EmailTakenException() {
        super(EMAIL_TAKEN, "An account with this email already exists. Sign in, or use another email.");
    }
}
