package kiosk.accounts.password;

import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of POST /auth/password-reset/confirm: the emailed token and the new password. */
public record ResetConfirmInput(String token, String newPassword) implements Validated {

    @Override
    public void validate(Checks checks) {
        if (checks.present(token, "/token")) {
            checks.require(token.length() <= 100, "/token", "must be the token from the email");
        }
        if (checks.present(newPassword, "/newPassword")) {
            checks.unicode(newPassword, "/newPassword");
        }
    }

    @Override
    public String toString() {
        return "ResetConfirmInput[]";
    }
}
