package kiosk.accounts.privacy;

import kiosk.accounts.password.PasswordPolicy;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of DELETE /me: the account's password, so that a token alone cannot erase it. */
public record ErasureInput(String password) implements Validated {

    @Override
    public void validate(Checks checks) {
        if (checks.present(password, "/password") && checks.unicode(password, "/password")) {
            checks.require(password.length() <= PasswordPolicy.MAX_LENGTH, "/password",
                    "must be at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "ErasureInput[]";
    }
}
