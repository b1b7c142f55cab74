package kiosk.accounts.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.RefreshTokens;
import kiosk.accounts.user.Emails;
import kiosk.accounts.user.User;
import kiosk.accounts.user.UserStore;
import kiosk.shared.log.Log;

/**
 * Signing in, with lock-outs, and refreshing, with rotation and theft detection. Signing out is
 * LogoutService's: its function is given the sessions table alone.
 */
public final class SessionService {

    /** Failures in a row after which an email is locked out. */
    public static final int MAX_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private final UserStore users;
    private final LoginAttempts attempts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final Clock clock;

    public SessionService(UserStore users, LoginAttempts attempts, SessionStore sessions, PasswordHasher hasher,
                          AccessTokens tokens, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * The attempt is counted, and the lock for the fifth failure in a row set, before the password
     * is checked: parallel guesses cannot slip past the limit, and a locked email is refused without
     * a check, so the refusal says nothing about the password. A success lifts it all.
     */
    public Session logIn(LoginInput input) {
        String email = Emails.normalize(input.email());
        Instant now = clock.instant();
        int failures = attempts.begin(email, now);
        if (failures >= MAX_FAILURES) {
            attempts.lock(email, now.plus(lockFor(failures)));
        }
        User user = users.findByEmail(email).orElse(null);
        boolean valid = user == null ? hasher.verifyNothing(input.password())
                : hasher.verify(input.password(), user.passwordHash());
        if (!valid) {
            Log.info("login failed", "failuresInARow", failures);
            throw new InvalidCredentialsException();
        }
        attempts.clear(email);
        if (hasher.needsRehash(user.passwordHash())) {
            users.replacePasswordHash(user.id(), user.passwordHash(), hasher.hash(input.password()));
        }
        String refreshToken = RefreshTokens.generate();
        sessions.start(UUID.randomUUID().toString(), user.id(), RefreshTokens.hash(refreshToken), refreshExpiry());
        return session(user, refreshToken);
    }

    /**
     * A new pair for a live refresh token, which is used up. A token already used means two
     * parties hold the family's tokens, one of them a thief: the whole family is revoked.
     */
    public Session refresh(String refreshToken) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            throw new InvalidRefreshTokenException();
        }
        String hash = RefreshTokens.hash(refreshToken);
        SessionStore.Token token = sessions.findToken(hash)
                .filter(t -> t.expiresAt().isAfter(clock.instant()))
                .orElseThrow(InvalidRefreshTokenException::new);
        SessionStore.Family family = sessions.findFamily(token.familyId())
                .filter(f -> !f.revoked())
                .orElseThrow(InvalidRefreshTokenException::new);
        if (!family.currentHash().equals(hash)) {
            revokeForReuse(family);
        }
        User user = users.findById(token.userId()).orElse(null);
        if (user == null) {
            sessions.revoke(family.id(), clock.instant());
            throw new InvalidRefreshTokenException();
        }
        String next = RefreshTokens.generate();
        if (!sessions.rotate(family.id(), user.id(), hash, RefreshTokens.hash(next), refreshExpiry())) {
            revokeForReuse(family);
        }
        return session(user, next);
    }

    private void revokeForReuse(SessionStore.Family family) {
        sessions.revoke(family.id(), clock.instant());
        Log.warn("refresh token reused: family revoked", "userId", family.userId(), "familyId", family.id());
        throw new InvalidRefreshTokenException();
    }

    private Session session(User user, String refreshToken) {
        return new Session(tokens.issue(user.id(), user.sortedRoles()), "Bearer", AccessTokens.LIFETIME_SECONDS,
                refreshToken, RefreshTokens.LIFETIME_SECONDS);
    }

    private Instant refreshExpiry() {
        return clock.instant().plusSeconds(RefreshTokens.LIFETIME_SECONDS);
    }

    /** 1 minute for the fifth failure, doubling with each further one, at most an hour. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - MAX_FAILURES, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }
}
