package kiosk.accounts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import kiosk.accounts.Race;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.RefreshTokens;
import kiosk.accounts.token.SigningKeys;
import kiosk.accounts.user.InMemoryUserStore;
import kiosk.accounts.user.User;
import kiosk.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and refreshing on in-memory stores: the lock-out schedule and token rotation, fast. */
class SessionServiceTest {

    private static final String PASSWORD = "violet staple orbit canyon";
    private static final String EMAIL = "ann@example.com";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore((id, hash) -> users.findById(id)
            .filter(user -> user.passwordHash().equals(hash)).isPresent());
    private final PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1));
    private final AccessTokens tokens = new AccessTokens(SigningKeys.of(SigningKeys.generate("k1")), "urn:kiosk:test",
            "urn:kiosk:test:api", clock);
    private SessionService service;

    @BeforeEach
    void givenAnAccount() {
        service = new SessionService(users, new InMemoryLoginAttempts(), sessions, hasher, tokens, clock);
        users.create(new User("u-1", EMAIL, "Ann", hasher.hash(PASSWORD), Set.of(), clock.instant().toString()));
    }

    private Session logIn(String password) {
        return service.logIn(new LoginInput(EMAIL, password), "192.0.2.1");
    }

    private void failOnce() {
        assertThrows(InvalidCredentialsException.class, () -> logIn("not the password"));
    }

    private long lockedFor(String password) {
        return assertThrows(AccountLockedException.class, () -> logIn(password)).retryAfterSeconds();
    }

    @Test
    void theLockLastsOneMinuteAtTheFifthFailureThenDoublesUpToAnHour() {
        Instant now = clock.instant();
        Lockout pair = SessionService.EMAIL_FROM_ADDRESS;
        assertEquals(null, pair.lockUntil(4, now));
        assertEquals(now.plus(Duration.ofMinutes(1)), pair.lockUntil(5, now));
        assertEquals(now.plus(Duration.ofMinutes(2)), pair.lockUntil(6, now));
        assertEquals(now.plus(Duration.ofMinutes(32)), pair.lockUntil(10, now));
        assertEquals(now.plus(Duration.ofHours(1)), pair.lockUntil(11, now), "64 minutes, capped");
        assertEquals(now.plus(Duration.ofHours(1)), pair.lockUntil(500, now));
    }

    private RuntimeException attempt(String address, String email, String password) {
        try {
            service.logIn(new LoginInput(email, password), address);
            return null;
        } catch (InvalidCredentialsException | AccountLockedException e) {
            return e;
        }
    }

    @Test
    void guessersAtManyAddressesLockTheOwnerOutForAtMostFifteenMinutesAtATime() {
        int address = 0;
        for (int i = 0; i < 20; i++) {
            String from = "198.51.100." + (i / 4);
            assertTrue(attempt(from, EMAIL, "guess " + i) instanceof InvalidCredentialsException, "guess " + i);
        }
        assertEquals(300, ((AccountLockedException) attempt("192.0.2.1", EMAIL, PASSWORD)).retryAfterSeconds(),
                "twenty failures from anywhere lock the email for everyone, for five minutes");
        long longest = 0;
        for (int round = 0; round < 12; round++) {
            clock.advance(Duration.ofMinutes(16));
            RuntimeException e = attempt("198.51.101." + address++, EMAIL, "guess");
            assertTrue(e instanceof InvalidCredentialsException, "the lock had ended");
            AccountLockedException locked = (AccountLockedException) attempt("192.0.2.1", EMAIL, PASSWORD);
            longest = Math.max(longest, locked.retryAfterSeconds());
        }
        assertEquals(15 * 60, longest, "the owner's lock stops growing at fifteen minutes");
    }

    @Test
    void oneAddressCannotHoldAnotherAddressesLockOnTheEmail() {
        for (int round = 0; round < 30; round++) {
            attempt("203.0.113.5", EMAIL, "guess " + round);
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(null, attempt("192.0.2.1", EMAIL, PASSWORD), "the guesser's failures lock their pair long before"
                + " the email-wide limit, so the owner still signs in");
    }

    @Test
    void oneAddressTryingManyEmailsIsStoppedAtAHundredAttempts() {
        for (int i = 0; i < 100; i++) {
            assertTrue(attempt("203.0.113.7", "user" + i + "@example.com", "Winter2026!") instanceof InvalidCredentialsException);
        }
        AccountLockedException sprayed = (AccountLockedException) attempt("203.0.113.7", "user100@example.com", "x");
        assertEquals(60, sprayed.retryAfterSeconds());
        assertEquals(null, attempt("192.0.2.1", EMAIL, PASSWORD), "other addresses are not held");
        clock.advance(Duration.ofMinutes(1 + 15));
        assertTrue(attempt("203.0.113.7", "user101@example.com", "x") instanceof InvalidCredentialsException,
                "a quiet quarter of an hour after the lock forgives the address");
    }

    @Test
    void fiveFailuresLockTheEmailEvenForTheRightPasswordAndEachLaterFailureDoublesTheLock() {
        for (int i = 0; i < 4; i++) {
            failOnce();
        }
        logIn(PASSWORD);
        for (int i = 0; i < 5; i++) {
            failOnce();
        }
        assertEquals(60, lockedFor(PASSWORD), "a success before the fifth failure started the count again");

        clock.advance(Duration.ofSeconds(60));
        failOnce();
        assertEquals(120, lockedFor(PASSWORD));
        clock.advance(Duration.ofSeconds(120));
        failOnce();
        assertEquals(240, lockedFor("not the password"));

        clock.advance(Duration.ofSeconds(240));
        logIn(PASSWORD);
        failOnce();
        logIn(PASSWORD);
    }

    @Test
    void anEmailWithoutAnAccountLocksTheSameWay() {
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidCredentialsException.class, () -> service.logIn(new LoginInput("nobody@example.com", "guess"), "192.0.2.1"));
        }
        assertThrows(AccountLockedException.class, () -> service.logIn(new LoginInput("nobody@example.com", "guess"), "192.0.2.1"));
    }

    @Test
    void aRefreshRotatesAndTheUsedTokenRevokesTheWholeFamily() {
        Session first = logIn(PASSWORD);
        Session second = service.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("u-1", tokens.verify(second.accessToken()).subject());

        clock.advance(SessionService.REFRESH_GRACE);
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(first.refreshToken()), "reuse is theft");
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(second.refreshToken()),
                "the thief's and the owner's tokens are one family: both stop");
        assertTrue(sessions.findFamily(sessions.findToken(RefreshTokens.hash(first.refreshToken())).orElseThrow().familyId())
                .orElseThrow().revoked());
    }

    @Test
    void aRefreshTokenExpiresAfterThirtyDays() {
        Session session = logIn(PASSWORD);
        clock.advance(Duration.ofSeconds(RefreshTokens.LIFETIME_SECONDS));
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(session.refreshToken()));
    }

    @Test
    void anotherSignInIsAnotherFamilyThatAReuseElsewhereLeavesAlone() {
        Session phone = logIn(PASSWORD);
        Session laptop = logIn(PASSWORD);
        service.refresh(phone.refreshToken());
        clock.advance(SessionService.REFRESH_GRACE);
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(phone.refreshToken()));
        assertFalse(service.refresh(laptop.refreshToken()).refreshToken().isEmpty());
    }

    @Test
    void aReplayWithinTheGraceIsARetryThatLeavesTheFirstRefreshsTokenWorking() {
        Session first = logIn(PASSWORD);
        Session won = service.refresh(first.refreshToken());
        clock.advance(SessionService.REFRESH_GRACE.minusMillis(1));
        Session retried = service.refresh(first.refreshToken());
        assertNotEquals(won.refreshToken(), retried.refreshToken());
        assertFalse(service.refresh(won.refreshToken()).refreshToken().isEmpty(), "the winner's token still works");
    }

    @Test
    void aReplayOnceTheGraceHasPassedIsTheftAndEndsTheFamily() {
        Session first = logIn(PASSWORD);
        Session won = service.refresh(first.refreshToken());
        clock.advance(SessionService.REFRESH_GRACE);
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(first.refreshToken()));
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(won.refreshToken()));
    }

    @Test
    void aTokenOlderThanTheLastRotationIsTheftEvenWithinTheGrace() {
        Session first = logIn(PASSWORD);
        Session second = service.refresh(first.refreshToken());
        Session third = service.refresh(second.refreshToken());
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(first.refreshToken()));
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(third.refreshToken()));
    }

    @Test
    void concurrentRefreshesWithOneTokenAllSucceedAndTheNextRefreshEndsTheOthers() throws Exception {
        String token = logIn(PASSWORD).refreshToken();
        List<String> refreshed = Race.run(6, () -> service.refresh(token).refreshToken());
        assertEquals(6, Set.copyOf(refreshed).size(), refreshed::toString);
        Session kept = service.refresh(refreshed.get(3));
        clock.advance(SessionService.REFRESH_GRACE);
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(refreshed.get(0)),
                "a sibling not kept is used up by the kept one's refresh");
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(kept.refreshToken()));
    }

    @Test
    void aHashOfAnOlderCostIsUpgradedAtSignInAndTheSignInStands() {
        PasswordHasher older = new PasswordHasher(new PasswordHasher.Cost(512, 1, 1));
        users.create(new User("u-2", "bo@example.com", "Bo", older.hash(PASSWORD), Set.of(), clock.instant().toString()));
        Session session = service.logIn(new LoginInput("bo@example.com", PASSWORD), "192.0.2.1");
        String upgraded = users.findById("u-2").orElseThrow().passwordHash();
        assertFalse(hasher.needsRehash(upgraded), upgraded);
        // The sign-in was checked against the hash it wrote, not the one it replaced.
        assertEquals("u-2", sessions.findToken(RefreshTokens.hash(session.refreshToken())).orElseThrow().userId());
    }
}
