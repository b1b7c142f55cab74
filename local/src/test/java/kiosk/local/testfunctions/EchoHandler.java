package kiosk.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers the event it got and what its Context and environment said: no statusCode, so the gateway infers a 200. */
public final class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("event", event);
        answer.put("functionName", context.getFunctionName());
        answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        answer.put("awsRequestId", context.getAwsRequestId());
        answer.put("loader", getClass().getClassLoader().getName());
        context.getLogger().log("echo " + event.get("rawPath") + "\n");
        return answer;
    }
}
