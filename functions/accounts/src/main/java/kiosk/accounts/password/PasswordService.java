package kiosk.accounts.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kiosk.accounts.session.LoginAttempts;
import kiosk.accounts.session.SessionService;
import kiosk.accounts.session.SessionStore;
import kiosk.accounts.token.RefreshTokens;
import kiosk.accounts.user.Emails;
import kiosk.accounts.user.User;
import kiosk.accounts.user.UserStore;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.ValidationException;
import kiosk.shared.log.Log;
import kiosk.shared.ratelimit.RateLimiter;

/**
 * Changing a password (knowing the current one) and resetting it (holding a token sent to the
 * account's email). A reset token is 256 random bits, stored only as its SHA-256, valid 30
 * minutes, one live per account (a new request replaces it), used up by the transaction that sets
 * the new password. No answer tells whether an email has an account.
 */
public final class PasswordService {

    public static final Duration RESET_LIFETIME = Duration.ofMinutes(30);

    /**
     * The attempts subject (with the account's id) under which guesses at the current password
     * with a signed-in token are counted, here and at erasure: as many as a sign-in allows.
     */
    public static final String GUESSES = "password#";

    private final UserStore users;
    private final LoginAttempts attempts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AccountNotices notices;
    private final Limits limits;
    private final Clock clock;

    /** Resets asked for per client address and per email, and confirmations per client address. */
    public record Limits(RateLimiter requestsByAddress, RateLimiter requestsByEmail, RateLimiter confirmsByAddress) {
        public static final Limits NONE = new Limits(RateLimiter.NONE, RateLimiter.NONE, RateLimiter.NONE);
    }

    public PasswordService(UserStore users, LoginAttempts attempts, SessionStore sessions, PasswordHasher hasher,
                           AccountNotices notices, Limits limits, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.notices = notices;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The caller's new password, if they know the current one: every other sign-in of the account
     * ends (the caller's own, {@code sessionId}, stays), and the owner is told.
     */
    public void change(String userId, Optional<String> sessionId, ChangePasswordInput input) {
        Instant now = clock.instant();
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("This account no longer exists."));
        // Before the count: a new password the policy refuses is no guess at the current one.
        requireAllowed(input.newPassword(), user.email());
        attempts.begin(GUESSES + userId, now, SessionService.EMAIL_FROM_ADDRESS);
        if (!hasher.verify(input.currentPassword(), user.passwordHash())) {
            throw new ValidationException("/currentPassword", "is not the account's current password");
        }
        attempts.clear(GUESSES + userId);
        if (!users.changePasswordHash(userId, user.passwordHash(), hasher.hash(input.newPassword()))) {
            throw new ConflictException("The password was changed meanwhile (or the account is being erased). Sign in again.");
        }
        int ended = sessions.revokeAllBut(userId, sessionId.orElse(null), now);
        Log.info("password changed", "userId", userId, "otherSignInsEnded", ended);
        notices.passwordChanged(userId, now);
    }

    /** Sends a reset token to the account with this email, if there is one; the same answer either way. */
    public void requestReset(ResetRequestInput input, String clientAddress) {
        limits.requestsByAddress().admit(clientAddress);
        String email = Emails.normalize(input.email());
        // The email's digest, not the email: the rate-limit table holds no address.
        limits.requestsByEmail().admit(RefreshTokens.hash(email));
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            Log.info("password reset asked for an email without an account");
            return;
        }
        Instant now = clock.instant();
        String token = RefreshTokens.generate();
        Instant expiresAt = now.plus(RESET_LIFETIME);
        if (!users.startReset(user.get().id(), RefreshTokens.hash(token), expiresAt)) {
            Log.info("password reset not started: the account is being erased", "userId", user.get().id());
            return;
        }
        notices.passwordReset(user.get().id(), token, expiresAt, now);
        Log.info("password reset token issued", "userId", user.get().id());
    }

    /**
     * The new password for the account the token belongs to: the token is used up, every sign-in
     * and every access token issued before ends, the email's sign-in locks (and this address's)
     * are lifted, and the owner is told.
     */
    public void confirmReset(ResetConfirmInput input, String clientAddress) {
        limits.confirmsByAddress().admit(clientAddress);
        if (!RefreshTokens.wellFormed(input.token())) {
            throw new InvalidResetTokenException();
        }
        String hash = RefreshTokens.hash(input.token());
        Instant now = clock.instant();
        String userId = users.resetOwner(hash, now).orElseThrow(InvalidResetTokenException::new);
        User user = users.findById(userId).orElseThrow(InvalidResetTokenException::new);
        requireAllowed(input.newPassword(), user.email());
        if (!users.completeReset(hash, userId, hasher.hash(input.newPassword()), now)) {
            throw new InvalidResetTokenException();
        }
        // Read after the commit: a sign-in that began before it has an earlier instant in its tokens.
        users.refuseTokensIssuedBefore(userId, clock.instant());
        int ended = sessions.revokeAllBut(userId, null, now);
        attempts.clear(user.email());
        attempts.clear(user.email() + "#from#" + clientAddress);
        attempts.clear(GUESSES + userId);
        Log.info("password reset", "userId", userId, "signInsEnded", ended);
        notices.passwordChanged(userId, now);
    }

    private static void requireAllowed(String password, String email) {
        PasswordPolicy.shipped().problem(password, email).ifPresent(problem -> {
            throw new ValidationException("/newPassword", problem);
        });
    }
}
