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
import kiosk.shared.log.Metrics;

/**
 * Signing in, with lock-outs, and refreshing, with rotation and theft detection. Signing out is
 * LogoutService's: its function is given the sessions table alone.
 */
public final class SessionService {

    /**
     * Guesses at one email from one client address: the fifth failure in a row locks that pair
     * for a minute, each further one doubles it, up to an hour. It binds the guesser, not the
     * account's owner, who signs in from elsewhere.
     */
    public static final Lockout EMAIL_FROM_ADDRESS = new Lockout(5, Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1));
    /**
     * Guesses at one email from anywhere: a distributed guesser is held to 20 guesses per lock,
     * and the lock a stranger can impose on an account's owner is bounded to 15 minutes.
     */
    public static final Lockout EMAIL = new Lockout(20, Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1));
    /**
     * Attempts from one client address at any emails, successes included: password spraying, and
     * locking many accounts from one machine, are held to 100 attempts without a 15-minute pause.
     */
    public static final Lockout ADDRESS = new Lockout(100, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    private final UserStore users;
    private final LoginAttempts attempts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final Clock clock;
    /** LoginsFailed, AccountsLocked (a sign-in that earned a lock) and RefreshTokenReuse, for the alarms' dashboard. */
    private final Metrics metrics;

    public SessionService(UserStore users, LoginAttempts attempts, SessionStore sessions, PasswordHasher hasher,
                          AccessTokens tokens, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.clock = clock;
        this.metrics = new Metrics("accounts", clock);
    }

    /**
     * Each attempt is counted, and the lock it earns set, before the password is checked, in one
     * write per subject: parallel guesses cannot slip past a limit, and a locked subject is refused
     * without a check, so the refusal says nothing about the password. The address is counted
     * first and the email last, so an attempt refused for its address or its pair leaves the
     * email-wide count, the one that binds the owner, alone; and a lock on the email is looked at
     * before the pair is counted, so an owner retrying while strangers hold it is not counted as
     * a guesser. A success lifts the email's counts but not the address's, which a guesser could
     * otherwise reset with an account of their own.
     */
    public Session logIn(LoginInput input, String clientAddress) {
        String email = Emails.normalize(input.email());
        String pair = email + "#from#" + clientAddress;
        Instant now = clock.instant();
        attempts.begin("address#" + clientAddress, now, ADDRESS);
        attempts.check(email, now);
        int failures = attempts.begin(pair, now, EMAIL_FROM_ADDRESS);
        int emailFailures = attempts.begin(email, now, EMAIL);
        User user = users.findByEmail(email).orElse(null);
        boolean valid = user == null ? hasher.verifyNothing(input.password())
                : hasher.verify(input.password(), user.passwordHash());
        if (!valid) {
            Log.info("login failed", "failuresInARow", failures);
            boolean locks = failures == EMAIL_FROM_ADDRESS.limit() || emailFailures == EMAIL.limit();
            metrics.count("LoginsFailed", 1).count("AccountsLocked", locks ? 1 : 0).flush();
            throw new InvalidCredentialsException();
        }
        attempts.clear(pair);
        attempts.clear(email);
        String verified = user.passwordHash();
        if (hasher.needsRehash(verified)) {
            String upgraded = hasher.hash(input.password());
            if (users.replacePasswordHash(user.id(), verified, upgraded)) {
                verified = upgraded;
            } else {
                // Changed meanwhile: another sign-in's upgrade (the same password) or a change.
                verified = users.findById(user.id()).map(User::passwordHash)
                        .filter(current -> hasher.verify(input.password(), current))
                        .orElseThrow(InvalidCredentialsException::new);
            }
        }
        return startSession(user, verified);
    }

    /**
     * A new sign-in of the account: its refresh-token family, and the first tokens. It is begun
     * only while the account's hash is still the one the password was verified against: a
     * sign-in that verified the old password while the password changed (or a reset, or an
     * erasure, began) gets 401, never a family the change could not see to revoke.
     */
    private Session startSession(User user, String verifiedHash) {
        String refreshToken = RefreshTokens.generate();
        String familyId = UUID.randomUUID().toString();
        // Taken before the session is written, and carried by its tokens: a reset that commits
        // after this session (and so revokes it) marks a later instant, and refuses them.
        Instant begun = clock.instant();
        if (!sessions.startSignIn(familyId, user.id(), verifiedHash, RefreshTokens.hash(refreshToken), refreshExpiry(),
                begun)) {
            Log.info("sign-in lost to a change of the account", "userId", user.id());
            throw new InvalidCredentialsException();
        }
        return session(user, familyId, refreshToken, begun);
    }

    /**
     * A retry of a refresh within this long of it is a retry, not a theft: a client whose response
     * was lost, or that sent two at once, is not logged out. Long enough for a retry after a lost
     * response; short enough that a token stolen later is still caught.
     */
    public static final Duration REFRESH_GRACE = Duration.ofSeconds(10);

    /**
     * A new pair for a live refresh token, which is used up. A token used up more than
     * {@link #REFRESH_GRACE} ago means two parties hold the family's tokens, one of them a thief:
     * the whole family is revoked. Within the grace the replay gets a token of its own, beside the
     * one the first refresh issued, and the next refresh with either ends both.
     */
    public Session refresh(String refreshToken) {
        if (!RefreshTokens.wellFormed(refreshToken)) {
            throw new InvalidRefreshTokenException();
        }
        String hash = RefreshTokens.hash(refreshToken);
        Instant now = clock.instant();
        SessionStore.Token token = sessions.findToken(hash)
                .filter(t -> t.expiresAt().isAfter(now))
                .orElseThrow(InvalidRefreshTokenException::new);
        User user = null;
        // A lost race re-reads the family: the winner's rotation may make this a retry.
        for (int round = 0; round < 4; round++) {
            SessionStore.Family family = sessions.findFamily(token.familyId())
                    .filter(f -> !f.revoked())
                    .orElseThrow(InvalidRefreshTokenException::new);
            boolean current = family.isCurrent(hash);
            boolean retry = !current && hash.equals(family.previousHash())
                    && family.rotatedAt().plus(REFRESH_GRACE).isAfter(now);
            if (!current && !retry) {
                revokeForReuse(family);
            }
            if (user == null) {
                user = users.findById(token.userId()).orElse(null);
                if (user == null) {
                    sessions.revoke(family.id(), now);
                    throw new InvalidRefreshTokenException();
                }
            }
            String next = RefreshTokens.generate();
            boolean written = current
                    ? sessions.rotate(family.id(), user.id(), hash, RefreshTokens.hash(next), refreshExpiry(), now)
                    : sessions.addSibling(family.id(), user.id(), hash, RefreshTokens.hash(next), refreshExpiry(),
                            now.minus(REFRESH_GRACE));
            if (written) {
                if (retry) {
                    Log.info("refresh retried within its grace", "userId", user.id(), "familyId", family.id());
                }
                return session(user, family.id(), next, now);
            }
        }
        throw new InvalidRefreshTokenException();
    }

    private void revokeForReuse(SessionStore.Family family) {
        sessions.revoke(family.id(), clock.instant());
        metrics.count("RefreshTokenReuse", 1).flush();
        Log.warn("refresh token reused: family revoked", "userId", family.userId(), "familyId", family.id());
        throw new InvalidRefreshTokenException();
    }

    private Session session(User user, String familyId, String refreshToken, Instant issuedAt) {
        return new Session(tokens.issue(user.id(), user.sortedRoles(), familyId, issuedAt), "Bearer", AccessTokens.LIFETIME_SECONDS,
                refreshToken, RefreshTokens.LIFETIME_SECONDS);
    }

    private Instant refreshExpiry() {
        return clock.instant().plusSeconds(RefreshTokens.LIFETIME_SECONDS);
    }
}
