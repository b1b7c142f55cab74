package kiosk.shared.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
}
