package kiosk.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/** A simple-response authorizer: allows "Bearer let-me-in" with a context, denies anything else; counts its calls. */
public final class KeyAuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Recorder.append("local-test.authorizer", String.valueOf(event.get("type")) + " " + event.get("routeKey"));
        Object identity = event.get("identitySource");
        boolean allowed = identity instanceof List<?> values && values.equals(List.of("Bearer let-me-in"));
        return allowed ? Map.of("isAuthorized", true, "context", Map.of("userId", "u-1", "roles", "tester"))
                : Map.of("isAuthorized", false);
    }
}
