package kiosk.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers which levels Kiosk's Log writes in this function, as its environment set them. Log comes
 * from kiosk-shared in this function's own package (lib/), found by name in the function's class
 * loader as a Kiosk handler would load it; the runtime's class path does not have it.
 */
public final class LogLevelHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try {
            Class<?> log = Class.forName("kiosk.shared.log.Log");
            Class<?> level = Class.forName("kiosk.shared.log.Log$Level");
            Method enabled = log.getMethod("enabled", level);
            Map<String, Object> answer = new LinkedHashMap<>();
            for (Object each : level.getEnumConstants()) {
                answer.put(each.toString(), enabled.invoke(null, each));
            }
            return answer;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
