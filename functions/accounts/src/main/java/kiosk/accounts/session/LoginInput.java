package kiosk.accounts.session;

import kiosk.accounts.password.PasswordPolicy;
import kiosk.accounts.user.Emails;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/**
 * The body of POST /auth/login. Only shape is checked here: a password that signup would now
 * refuse may still be an account's password, and the strength rules are not to be revealed.
 */
public record LoginInput(String email, String password) implements Validated {

    @Override
    public void validate(Checks checks) {
        // Only an address signup would accept can have an account: anything else is refused before
        // an attempts item is written for it.
        if (checks.present(email, "/email")) {
            checks.require(Emails.valid(Emails.normalize(email)), "/email", "must be an email address");
        }
        if (checks.present(password, "/password") && checks.unicode(password, "/password")) {
            checks.require(password.codePointCount(0, password.length()) <= PasswordPolicy.MAX_LENGTH, "/password",
                    "must be at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "LoginInput[email=" + email + "]";
    }
}
