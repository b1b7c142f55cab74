package kiosk.accounts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.accounts.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every SessionStore does, run against the fake (InMemorySessionStoreTest) and DynamoDB's (DynamoDbSessionStoreIT). */
abstract class SessionStoreContract {

    private static final Instant EXPIRES = Instant.parse("2026-12-21T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private SessionStore sessions;
    private String family;

    abstract SessionStore store();

    @BeforeEach
    void givenAFamilyStartedWithTokenOne() {
        sessions = store();
        family = UUID.randomUUID().toString();
        sessions.start(family, "u-1", hash("one"), EXPIRES, EXPIRES.minusSeconds(60));
    }

    /** Hashes are unique per test: the DynamoDB table is shared by every test of the run. */
    private String hash(String token) {
        return family + "-" + token;
    }

    @Test
    void aStartedFamilyAndItsFirstTokenReadBack() {
        assertEquals(Optional.of(new SessionStore.Token(hash("one"), family, "u-1", EXPIRES)), sessions.findToken(hash("one")));
        assertEquals(Optional.of(new SessionStore.Family(family, "u-1", hash("one"), Set.of(), null, null, false, EXPIRES)), sessions.findFamily(family));
        assertEquals(Optional.empty(), sessions.findToken(hash("unknown")));
        assertEquals(Optional.empty(), sessions.findFamily(UUID.randomUUID().toString()));
    }

    @Test
    void rotationMakesTheNewTokenCurrentAndKeepsTheOldOnRecord() {
        Instant later = EXPIRES.plusSeconds(60);
        assertTrue(sessions.rotate(family, "u-1", hash("one"), hash("two"), later, NOW));
        assertEquals(hash("two"), sessions.findFamily(family).orElseThrow().currentHash());
        assertEquals(later, sessions.findFamily(family).orElseThrow().expiresAt());
        assertEquals(family, sessions.findToken(hash("two")).orElseThrow().familyId());
        assertTrue(sessions.findToken(hash("one")).isPresent(), "a used token stays on record, so reuse is recognised");
    }

    @Test
    void aRotationFromATokenThatIsNoLongerCurrentChangesNothing() {
        sessions.rotate(family, "u-1", hash("one"), hash("two"), EXPIRES, NOW);
        assertFalse(sessions.rotate(family, "u-1", hash("one"), hash("three"), EXPIRES, NOW));
        assertEquals(hash("two"), sessions.findFamily(family).orElseThrow().currentHash());
        assertEquals(Optional.empty(), sessions.findToken(hash("three")));
    }

    @Test
    void aRevokedFamilyStaysRevokedAndCannotRotate() {
        sessions.revoke(family, EXPIRES);
        sessions.revoke(family, EXPIRES);
        sessions.revoke(UUID.randomUUID().toString(), EXPIRES);
        assertTrue(sessions.findFamily(family).orElseThrow().revoked());
        assertFalse(sessions.rotate(family, "u-1", hash("one"), hash("two"), EXPIRES, NOW));
    }

    @Test
    void ofConcurrentRotationsFromOneTokenExactlyOneWins() throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Boolean> rotated = Race.run(8, () -> sessions.rotate(family, "u-1", hash("one"),
                hash("next-" + next.incrementAndGet()), EXPIRES, NOW));
        assertEquals(1, rotated.stream().filter(r -> r).count(), rotated::toString);
    }

    @Test
    void aRotationRecordsWhatItUsedUpAndASiblingJoinsTheCurrentTokens() {
        assertTrue(sessions.rotate(family, "u-1", hash("one"), hash("two"), EXPIRES, NOW));
        SessionStore.Family rotated = sessions.findFamily(family).orElseThrow();
        assertEquals(hash("one"), rotated.previousHash());
        assertEquals(NOW, rotated.rotatedAt());
        assertTrue(sessions.addSibling(family, "u-1", hash("one"), hash("two-b"), EXPIRES, NOW.minusSeconds(10)));
        SessionStore.Family retried = sessions.findFamily(family).orElseThrow();
        assertTrue(retried.isCurrent(hash("two")) && retried.isCurrent(hash("two-b")), retried.toString());
        assertEquals(family, sessions.findToken(hash("two-b")).orElseThrow().familyId());

        assertTrue(sessions.rotate(family, "u-1", hash("two-b"), hash("three"), EXPIRES, NOW.plusSeconds(1)));
        SessionStore.Family next = sessions.findFamily(family).orElseThrow();
        assertEquals(Set.of(), next.siblingHashes(), "a rotation from any current token ends the others");
        assertFalse(next.isCurrent(hash("two")));
        assertEquals(hash("two-b"), next.previousHash());
    }

    @Test
    void aSiblingIsRefusedForARotationThatIsTooOldNotTheLastOrRetriedTooOften() {
        sessions.rotate(family, "u-1", hash("one"), hash("two"), EXPIRES, NOW);
        assertFalse(sessions.addSibling(family, "u-1", hash("one"), hash("late"), EXPIRES, NOW), "too old");
        assertFalse(sessions.addSibling(family, "u-1", hash("two"), hash("wrong"), EXPIRES, NOW.minusSeconds(10)),
                "not the token the last rotation used up");
        for (int i = 0; i < SessionStore.MAX_SIBLINGS; i++) {
            assertTrue(sessions.addSibling(family, "u-1", hash("one"), hash("s" + i), EXPIRES, NOW.minusSeconds(10)));
        }
        assertFalse(sessions.addSibling(family, "u-1", hash("one"), hash("more"), EXPIRES, NOW.minusSeconds(10)));
        sessions.revoke(family, NOW);
        assertFalse(sessions.rotate(family, "u-1", hash("s0"), hash("after"), EXPIRES, NOW));
        assertEquals(Optional.empty(), sessions.findToken(hash("more")));
        assertEquals(Optional.empty(), sessions.findToken(hash("after")));
    }
}
