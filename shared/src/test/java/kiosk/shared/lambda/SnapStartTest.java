package kiosk.shared.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartTest {

    @Test
    void aPrimerOutlivesAGarbageCollectionBeforeTheSnapshot() {
        AtomicInteger runs = new AtomicInteger();
        registerWithoutKeepingAReference(runs);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        SnapStart.runPrimers();
        assertTrue(runs.get() >= 1, "the primer ran after a collection");
    }

    private static void registerWithoutKeepingAReference(AtomicInteger runs) {
        SnapStart.prime("test", runs::incrementAndGet);
    }

    @Test
    void whilePrimingIdsAreNotUniqueAndAfterwardsTheyAre() {
        List<String> seen = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        SnapStart.prime("ids", () -> {
            flags.add(SnapStart.priming());
            seen.add(SnapStart.randomUuid());
        });
        SnapStart.runPrimers();
        assertEquals(true, flags.getLast());
        assertEquals("00000000-0000-4000-8000-000000000000", seen.getLast());
        assertFalse(SnapStart.priming());
        assertNotEquals(SnapStart.randomUuid(), SnapStart.randomUuid());
    }

    @Test
    void aFailingPrimerEndsPrimingAndDoesNotStopTheSnapshot() {
        SnapStart.prime("fails", () -> {
            throw new IllegalStateException("boom");
        });
        int failed = SnapStart.failedPrimers();
        SnapStart.runPrimers();
        assertFalse(SnapStart.priming());
        assertEquals(failed + 1, SnapStart.failedPrimers(), "a failure is counted, for the tests that check primers");
    }

    /** The snapshot's hook runs a primer several times, so the JIT has compiled its path by the snapshot. */
    @Test
    void beforeTheSnapshotAPrimerRunsRoundsOverAndTheWarmUpOnce() {
        AtomicInteger runs = new AtomicInteger();
        SnapStart.prime("rounds", runs::incrementAndGet);
        int before = runs.get();
        SnapStart.runPrimers();
        assertEquals(before + 1, runs.get());
        SnapStart.beforeCheckpoint();
        assertEquals(before + 1 + SnapStart.SNAPSHOT_ROUNDS, runs.get());
    }

    /**
     * The snapshot's primers run with a trace header, as Lambda's runtime client sets one for
     * every invocation (the SDK copies each request to add it); the local runtime's warm-up,
     * which shares its JVM with other functions, sets none; neither leaves one behind.
     */
    @Test
    void theSnapshotsPrimersSeeATraceHeaderAndNothingLeavesOneBehind() {
        List<String> seen = new ArrayList<>();
        SnapStart.prime("trace", () -> seen.add(System.getProperty(SnapStart.TRACE_HEADER)));
        SnapStart.runPrimers();
        assertEquals(null, seen.getLast());
        SnapStart.beforeCheckpoint();
        assertEquals(SnapStart.PRIMING_TRACE, seen.getLast());
        assertEquals(null, System.getProperty(SnapStart.TRACE_HEADER));
    }

    /** What a primer's round left (its sandbox of items) is dropped after each round, failed or not. */
    @Test
    void theCleanUpRunsAfterEveryRoundEvenAFailedOne() {
        AtomicInteger cleanUps = new AtomicInteger();
        SnapStart.afterEachRound(cleanUps::incrementAndGet);
        AtomicBoolean failed = new AtomicBoolean();
        // Fails once only: the other tests here count the failures of the primers they run.
        SnapStart.prime("fails once", () -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("boom");
            }
        });
        int primers = SnapStart.registered();
        SnapStart.runPrimers();
        assertTrue(failed.get());
        assertEquals(primers, cleanUps.get(), "one round of each primer, each cleaned up after");
    }
}
