package kiosk.accounts.password;

import kiosk.accounts.user.Emails;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of POST /auth/password-reset. */
public record ResetRequestInput(String email) implements Validated {

    @Override
    public void validate(Checks checks) {
        if (checks.present(email, "/email")) {
            checks.require(Emails.valid(Emails.normalize(email)), "/email", "must be an email address such as 'ann@example.com'");
        }
    }

    /** Never the address: a body may end up in a failure message, and logs hold no email. */
    @Override
    public String toString() {
        return "ResetRequestInput[]";
    }
}
