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
import kiosk.accounts.MutableClock;
import kiosk.accounts.Race;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.RefreshTokens;
import kiosk.accounts.token.SigningKeys;
import kiosk.accounts.user.InMemoryUserStore;
import kiosk.accounts.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and refreshing on in-memory stores: the lock-out schedule and token rotation, fast. */
class SessionServiceTest {

    private static final String PASSWORD = "violet staple orbit canyon";
    private static final String EMAIL = "ann@example.com";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
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
        return service.logIn(new LoginInput(EMAIL, password));
    }

    private void failOnce() {
        assertThrows(InvalidCredentialsException.class, () -> logIn("not the password"));
    }

    private long lockedFor(String password) {
        return assertThrows(AccountLockedException.class, () -> logIn(password)).retryAfterSeconds();
    }

    @Test
    void theLockLastsOneMinuteAtTheFifthFailureThenDoublesUpToAnHour() {
        assertEquals(Duration.ofMinutes(1), SessionService.lockFor(5));
        assertEquals(Duration.ofMinutes(2), SessionService.lockFor(6));
        assertEquals(Duration.ofMinutes(4), SessionService.lockFor(7));
        assertEquals(Duration.ofMinutes(32), SessionService.lockFor(10));
        assertEquals(Duration.ofHours(1), SessionService.lockFor(11), "64 minutes, capped");
        assertEquals(Duration.ofHours(1), SessionService.lockFor(500));
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
            assertThrows(InvalidCredentialsException.class, () -> service.logIn(new LoginInput("nobody@example.com", "guess")));
        }
        assertThrows(AccountLockedException.class, () -> service.logIn(new LoginInput("nobody@example.com", "guess")));
    }

    @Test
    void aRefreshRotatesAndTheUsedTokenRevokesTheWholeFamily() {
        Session first = logIn(PASSWORD);
        Session second = service.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertEquals("u-1", tokens.verify(second.accessToken()).subject());

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
        assertThrows(InvalidRefreshTokenException.class, () -> service.refresh(phone.refreshToken()));
        assertFalse(service.refresh(laptop.refreshToken()).refreshToken().isEmpty());
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneSucceeds() throws Exception {
        String token = logIn(PASSWORD).refreshToken();
        List<Boolean> refreshed = Race.run(6, () -> {
            try {
                service.refresh(token);
                return true;
            } catch (InvalidRefreshTokenException e) {
                return false;
            }
        });
        assertEquals(1, refreshed.stream().filter(r -> r).count(), refreshed::toString);
    }
}
