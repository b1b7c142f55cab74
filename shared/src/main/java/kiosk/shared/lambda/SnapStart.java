package kiosk.shared.lambda;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import kiosk.shared.log.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Priming for SnapStart: work registered here runs once before Lambda takes the snapshot, so the
 * classes of the first real request are already loaded and initialized when a snapshot resumes.
 * Outside a CRaC-capable runtime registration is a no-op. Primers must create nothing unique (ids,
 * random seeds, tokens): every environment restored from the snapshot would share it. An HTTP
 * function primes with {@link kiosk.shared.http.PrimingEvent}; this class needs nothing but CRaC,
 * so a function without HTTP (the authorizer) loads no event types for it.
 */
public final class SnapStart {

    private static final List<Primer> PRIMERS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicLong AWS_CALLS = new AtomicLong();
    private static final Set<String> WITHOUT_AWS = ConcurrentHashMap.newKeySet();
    private static final List<Runnable> AFTER_EACH_ROUND = new CopyOnWriteArrayList<>();
    /**
     * How often the snapshot's beforeCheckpoint runs each primer. Once loads and initializes the
     * first request's classes; a few times more has its code compiled by the JIT (C1) before the
     * snapshot, which keeps that code: the first request after a restore no longer runs in the
     * interpreter. The local runtime's warm-up (runPrimers) needs only the classes: once.
     */
    static final int SNAPSHOT_ROUNDS = 8;
    static final String TRACE_HEADER = "com.amazonaws.xray.traceHeader";
    /** Not sampled, and the same in every snapshot: nothing traces a primer's calls. */
    static final String PRIMING_TRACE = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
    private static volatile boolean priming;

    private SnapStart() {
    }

    /**
     * True while a primer runs: the SDK clients then answer every call that would change
     * something from memory (see {@link kiosk.shared.aws.AwsClients}), so a primer may take a
     * write's whole path and nothing leaves the process but reads.
     */
    public static boolean priming() {
        return priming;
    }

    /**
     * A new random UUID, or while priming always the same one: ids made by a primer must not be
     * unique, or every environment restored from the snapshot would share them.
     */
    public static String randomUuid() {
        return priming ? "00000000-0000-4000-8000-000000000000" : UUID.randomUUID().toString();
    }

    public static void prime(String name, Runnable primer) {
        Primer resource = new Primer(name, primer);
        // Lambda's CRaC context holds its resources weakly (a WeakHashMap in the runtime client):
        // nothing else refers to a primer, so a collection before the snapshot would drop it and
        // the function would be snapshotted unprimed, silently.
        PRIMERS.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /**
     * Runs after every round of every primer, whether it failed or not: what a primer left in
     * memory for its own round (kiosk.shared.aws's sandbox of items it put) is dropped before the
     * next round and before the snapshot.
     */
    public static void afterEachRound(Runnable cleanup) {
        AFTER_EACH_ROUND.add(cleanup);
    }

    /** How many primers are registered: each function's handler registers its own as it is built. */
    public static int registered() {
        return PRIMERS.size();
    }

    /**
     * Runs every primer registered so far, as the snapshot's beforeCheckpoint does (for tests, and
     * for the local runtime's warm-up), and answers how many ran.
     */
    public static int runPrimers() {
        for (Primer primer : PRIMERS) {
            primer.run(1);
        }
        return PRIMERS.size();
    }

    /** What Lambda's CRaC context runs before the snapshot, each primer's beforeCheckpoint (for tests). */
    static void beforeCheckpoint() {
        for (Primer primer : PRIMERS) {
            primer.beforeCheckpoint(null);
        }
    }

    /**
     * Counts one call to AWS made while a primer runs (kiosk.shared.aws's HTTP client sees each):
     * a primer that makes none stopped before its store, and warms only its refusals.
     */
    public static void calledAws() {
        AWS_CALLS.incrementAndGet();
    }

    /** The primers whose last run made no call to AWS: their request was refused before it reached a store. */
    public static Set<String> primersWithoutAwsCalls() {
        return Set.copyOf(WITHOUT_AWS);
    }

    /** How many primer runs have failed in this JVM: a failed primer is logged, never thrown (see Primer). */
    public static int failedPrimers() {
        return FAILED.get();
    }

    private record Primer(String name, Runnable primer) implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            // Lambda's runtime client sets the X-Ray trace header as a system property for each
            // invocation, and the SDK then copies every request to add it: a path (and classes)
            // the first request after a restore would otherwise take alone. Set only around the
            // snapshot's priming, where this function is alone in its JVM, never in the local
            // runtime's warm-up, where functions share the JVM's properties.
            boolean traced = System.getProperty(TRACE_HEADER) != null;
            if (!traced) {
                System.setProperty(TRACE_HEADER, PRIMING_TRACE);
            }
            try {
                run(SNAPSHOT_ROUNDS);
            } finally {
                if (!traced) {
                    System.clearProperty(TRACE_HEADER);
                }
            }
        }

        void run(int rounds) {
            priming = true;
            long calls = AWS_CALLS.get();
            try {
                for (int round = 0; round < rounds; round++) {
                    try {
                        primer.run();
                    } finally {
                        AFTER_EACH_ROUND.forEach(Runnable::run);
                    }
                }
                if (AWS_CALLS.get() == calls) {
                    WITHOUT_AWS.add(name);
                } else {
                    WITHOUT_AWS.remove(name);
                }
            } catch (RuntimeException e) {
                // A failed primer costs only speed after restore; the snapshot must still be taken.
                FAILED.incrementAndGet();
                Log.warn("priming failed", "primer", name, "errorType", e.getClass().getName());
            } finally {
                priming = false;
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // Clients re-resolve credentials and connections on their own; the logs must say that
            // the next invocation pays a restore.
            Log.restored();
        }
    }
}
