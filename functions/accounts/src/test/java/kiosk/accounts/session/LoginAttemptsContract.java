package kiosk.accounts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import kiosk.accounts.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every LoginAttempts does, run against the fake (InMemoryLoginAttemptsTest) and DynamoDB's (DynamoDbLoginAttemptsIT). */
abstract class LoginAttemptsContract {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private LoginAttempts attempts;
    private String email;

    abstract LoginAttempts store();

    @BeforeEach
    void givenAStoreAndAnEmailNotSeenBefore() {
        attempts = store();
        email = "ann-" + UUID.randomUUID() + "@example.com";
    }

    private static final Lockout FIVE = new Lockout(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));
    private static final Lockout SHORT_MEMORY = new Lockout(3, Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(10));

    @Test
    void countsAttemptsInARowUntilCleared() {
        assertEquals(1, attempts.begin(email, NOW, FIVE));
        assertEquals(2, attempts.begin(email, NOW, FIVE));
        assertEquals(3, attempts.begin(email, NOW, FIVE));
        attempts.clear(email);
        assertEquals(1, attempts.begin(email, NOW, FIVE), "a success starts the count again");
    }

    @Test
    void theAttemptThatReachesTheLimitLocksAndTheLockDoublesWithEachLaterOne() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(i, attempts.begin(email, NOW, FIVE));
        }
        AccountLockedException locked = assertThrows(AccountLockedException.class, () -> attempts.begin(email, NOW, FIVE));
        assertEquals(60, locked.retryAfterSeconds());
        assertEquals(1, assertThrows(AccountLockedException.class,
                () -> attempts.begin(email, NOW.plusMillis(59_500), FIVE)).retryAfterSeconds(), "never less than a second");
        assertEquals(60, assertThrows(AccountLockedException.class, () -> attempts.check(email, NOW)).retryAfterSeconds());
        assertEquals(6, attempts.begin(email, NOW.plusSeconds(60), FIVE), "a refused attempt is not counted");
        assertEquals(120, assertThrows(AccountLockedException.class,
                () -> attempts.begin(email, NOW.plusSeconds(60), FIVE)).retryAfterSeconds());
    }

    @Test
    void checkingCountsNothing() {
        attempts.check(email, NOW);
        assertEquals(1, attempts.begin(email, NOW, FIVE));
        attempts.check(email, NOW);
        assertEquals(2, attempts.begin(email, NOW, FIVE));
    }

    @Test
    void clearingLiftsALock() {
        for (int i = 0; i < 5; i++) {
            attempts.begin(email, NOW, FIVE);
        }
        attempts.clear(email);
        assertEquals(1, attempts.begin(email, NOW, FIVE));
    }

    @Test
    void aCountLeftAloneLongEnoughAfterItsLockIsForgotten() {
        for (int i = 0; i < 3; i++) {
            attempts.begin(email, NOW, SHORT_MEMORY);
        }
        Instant lockEnds = NOW.plusSeconds(60);
        assertEquals(4, attempts.begin(email, lockEnds, SHORT_MEMORY), "straight after the lock, the count goes on");
        Instant later = lockEnds.plusSeconds(60 + 600);
        assertEquals(1, attempts.begin(email, later, SHORT_MEMORY));
    }

    @Test
    void ofFiftyParallelAttemptsExactlyTheLimitGetThroughAndTheLockIsTheLimitsOwn() throws Exception {
        List<Object> outcomes = Race.run(50, () -> {
            try {
                return attempts.begin(email, NOW, FIVE);
            } catch (AccountLockedException e) {
                return "locked " + e.retryAfterSeconds();
            }
        });
        assertEquals(List.of(1, 2, 3, 4, 5), outcomes.stream().filter(o -> o instanceof Integer).map(o -> (Integer) o)
                .sorted().toList(), outcomes::toString);
        assertEquals(45, outcomes.stream().filter("locked 60"::equals).count(), outcomes::toString);
    }

    @Test
    void everyOneOfManyConcurrentAttemptsBelowTheLimitIsCountedOnce() throws Exception {
        Lockout many = new Lockout(100, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofDays(1));
        List<Integer> counts = Race.run(20, () -> attempts.begin(email, NOW, many));
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), counts.stream().sorted().toList());
    }
}
