package kiosk.accounts.password;

import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of POST /me/password. The new password's policy is checked against the account's email by the service. */
public record ChangePasswordInput(String currentPassword, String newPassword) implements Validated {

    @Override
    public void validate(Checks checks) {
        if (checks.present(currentPassword, "/currentPassword") && checks.unicode(currentPassword, "/currentPassword")) {
            checks.require(currentPassword.length() <= PasswordPolicy.MAX_LENGTH, "/currentPassword",
                    "must be at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
        if (checks.present(newPassword, "/newPassword") && checks.unicode(newPassword, "/newPassword") && currentPassword != null) {
            checks.require(!newPassword.equals(currentPassword), "/newPassword", "must differ from the current password");
        }
    }

    /** Never a password: records print their members, and bodies end up in failure messages. */
    @Override
    public String toString() {
        return "ChangePasswordInput[]";
    }
}
