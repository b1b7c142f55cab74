package kiosk.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Takes longer than its 1 s timeout, and records how long Context said it had. */
public final class SlowHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Recorder.append("local-test.slow.remaining", String.valueOf(context.getRemainingTimeInMillis()));
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Recorder.append("local-test.slow.interrupted", "true");
            Thread.currentThread().interrupt();
        }
        return Map.of("statusCode", 200);
    }
}
