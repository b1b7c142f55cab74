package kiosk.shared.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import kiosk.shared.log.Log;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Priming for SnapStart: work registered here runs once before Lambda takes the snapshot, so the
 * classes of the first real request are already loaded and initialized when a snapshot resumes.
 * Outside a CRaC-capable runtime registration is a no-op. Primers must create nothing unique (ids,
 * random seeds, tokens): every environment restored from the snapshot would share it.
 */
public final class SnapStart {

    private SnapStart() {
    }

    public static void prime(String name, Runnable primer) {
        Core.getGlobalContext().register(new Primer(name, primer));
    }

    /**
     * A payload 2.0 event with no caller, to run a route's real code path during priming without
     * changing anything: reads answer 404 for an id that cannot exist, writes stop at the 401.
     */
    public static APIGatewayV2HTTPEvent primingEvent(String method, String path, Map<String, String> pathParameters) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withPathParameters(pathParameters)
                .withHeaders(Map.of("content-type", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).build())
                        .build())
                .build();
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
            // Nothing to refresh: clients re-resolve credentials and connections on their own.
        }
    }
}
