package kiosk.accounts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void countsAttemptsInARowUntilCleared() {
        assertEquals(1, attempts.begin(email, NOW));
        assertEquals(2, attempts.begin(email, NOW));
        assertEquals(3, attempts.begin(email, NOW));
        attempts.clear(email);
        assertEquals(1, attempts.begin(email, NOW), "a success starts the count again");
    }

    @Test
    void aLockRefusesEveryAttemptUntilItEndsThenTheCountGoesOn() {
        attempts.begin(email, NOW);
        attempts.lock(email, NOW.plusSeconds(60));
        AccountLockedException locked = assertThrows(AccountLockedException.class, () -> attempts.begin(email, NOW));
        assertEquals(60, locked.retryAfterSeconds());
        assertEquals(1, assertThrows(AccountLockedException.class,
                () -> attempts.begin(email, NOW.plusMillis(59_500))).retryAfterSeconds(), "never less than a second");
        assertEquals(2, attempts.begin(email, NOW.plusSeconds(60)), "a refused attempt is not counted");
    }

    @Test
    void clearingLiftsALock() {
        attempts.lock(email, NOW.plusSeconds(600));
        attempts.clear(email);
        assertEquals(1, attempts.begin(email, NOW));
    }

    @Test
    void everyOneOfManyConcurrentAttemptsIsCountedOnce() throws Exception {
        List<Integer> counts = Race.run(20, () -> attempts.begin(email, NOW));
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(), counts.stream().sorted().toList());
    }
}
