package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/**
 * What an HTTP function primes with before a SnapStart snapshot: a payload 2.0 event with no
 * caller, which runs the route's real code path without changing anything (reads answer 404 for
 * an id that cannot exist, writes stop at the 401).
 */
public final class PrimingEvent {

    private PrimingEvent() {
    }

    public static APIGatewayV2HTTPEvent of(String method, String path, Map<String, String> pathParameters) {
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
}
