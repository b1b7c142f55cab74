package kiosk.accounts.user;

import kiosk.accounts.AccountsPriming;
import kiosk.accounts.password.PasswordPolicy;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of POST /auth/signup. */
public record SignupInput(String email, String password, String name) implements Validated {

    @Override
    public void validate(Checks checks) {
        String normalized = Emails.normalize(email);
        if (checks.present(email, "/email")) {
            checks.require(Emails.valid(normalized), "/email", "must be an email address such as 'ann@example.com'");
            // The primers' address must name no account, or an outsider could steer what a
            // snapshot primes (a real sign-in, a reset of their account).
            checks.require(!AccountsPriming.EMAIL.equals(normalized), "/email", "is reserved");
        }
        // Encoded to UTF-8 for hashing, a lone surrogate becomes "?": two passwords would be one.
        if (checks.unicode(password, "/password")) {
            PasswordPolicy.shipped().problem(password, normalized)
                    .ifPresent(problem -> checks.require(false, "/password", problem));
        }
        checks.name(name, "/name", 1, 100);
    }

    /** Never the password: records print their members, and bodies end up in failure messages. */
    @Override
    public String toString() {
        return "SignupInput[email=" + email + "]";
    }
}
