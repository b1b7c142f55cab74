package kiosk.shared.lambda;

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

    private SnapStart() {
    }

    public static void prime(String name, Runnable primer) {
        Core.getGlobalContext().register(new Primer(name, primer));
    }

    private record Primer(String name, Runnable primer) implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            try {
                primer.run();
            } catch (RuntimeException e) {
                // A failed primer costs only speed after restore; the snapshot must still be taken.
                Log.warn("priming failed", "primer", name, "errorType", e.getClass().getName());
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
