package kiosk.accounts.user;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Supplier;
import kiosk.accounts.password.PasswordHasher;
import kiosk.shared.auth.Roles;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.ValidationException;
import kiosk.shared.lambda.SnapStart;

/** Creating accounts, reading them, and the one way an account becomes an admin. */
public final class AccountService {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Supplier<String> ids;

    public AccountService(UserStore users, PasswordHasher hasher, Clock clock, Supplier<String> ids) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
    }

    public static AccountService withDefaults(UserStore users, PasswordHasher hasher) {
        return new AccountService(users, hasher, Clock.systemUTC(), SnapStart::randomUuid);
    }

    /** A new account with no roles: signup never grants one. */
    public User signUp(SignupInput input) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        User user = new User(ids.get(), Emails.normalize(input.email()), input.name().strip(),
                hasher.hash(input.password()), Set.of(), now);
        users.create(user);
        return user;
    }

    public Profile profile(String userId) {
        return users.findById(userId).map(Profile::of)
                .orElseThrow(() -> new NotFoundException("This account no longer exists."));
    }

    /** The bootstrap of the first admin, run by an operator with AWS credentials, never over HTTP. */
    public User grantAdmin(String email) {
        String normalized = Emails.normalize(email);
        if (!Emails.valid(normalized)) {
            throw new ValidationException("/email", "must be an email address");
        }
        User user = users.findByEmail(normalized)
                .orElseThrow(() -> new NotFoundException("No account with that email: sign up first."));
        return users.grantRole(user.id(), Roles.ADMIN);
    }
}
