package kiosk.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Records each scheduled event it gets and answers it back. */
public final class ScheduledHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Recorder.append("local-test.scheduled", String.valueOf(event.getOrDefault("detail-type", event.get("kind"))));
        return event;
    }
}
