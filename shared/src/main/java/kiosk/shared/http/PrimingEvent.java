package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an HTTP function primes with before a SnapStart snapshot: a payload 2.0 event from a caller
 * the authorizer would have vouched for (user {@value #USER}, with the admin role, so admin routes
 * take their path too; public routes ignore it), optionally with a body and headers. It runs the
 * route's real code: reads look for things that cannot exist, and whatever the route would write
 * is answered from memory while priming (kiosk.shared.aws.PrimingHttpClient), so nothing changes.
 * Nothing in it is unique: the same event primes every snapshot.
 */
public final class PrimingEvent {

    public static final String USER = "snapstart-priming";

    private PrimingEvent() {
    }

    public static APIGatewayV2HTTPEvent of(String method, String path, Map<String, String> pathParameters) {
        return of(method, path, pathParameters, null, Map.of());
    }

    /**
     * A primer's two requests around its seed: the request for {@code missing}, which names nothing
     * stored (its reads go out and find nothing); then {@code seed}, whose writes are answered from
     * memory and kept for the primer's round (kiosk.shared.aws.PrimingSandbox); then the request for
     * {@code seeded}, whose reads find what was kept. So a primer takes both the not-found path and
     * the found one, a found item read, mapped and answered as in most real requests.
     */
    public static void missingThenSeeded(Consumer<APIGatewayV2HTTPEvent> prime, Function<String, APIGatewayV2HTTPEvent> request,
            String missing, Runnable seed, String seeded) {
        prime.accept(request.apply(missing));
        seed.run();
        prime.accept(request.apply(seeded));
    }

    /** A GET with a query string, parsed and raw as API Gateway gives both. */
    public static APIGatewayV2HTTPEvent query(String path, Map<String, String> query) {
        Map<String, String> sorted = new TreeMap<>(query);
        APIGatewayV2HTTPEvent event = of("GET", path, Map.of());
        event.setQueryStringParameters(sorted);
        event.setRawQueryString(sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
        return event;
    }

    public static APIGatewayV2HTTPEvent of(String method, String path, Map<String, String> pathParameters, String body,
            Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withPathParameters(pathParameters)
                .withHeaders(allHeaders)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withSourceIp("192.0.2.1").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.of("userId", USER, "roles", "admin", "sessionId", USER)).build())
                        .build())
                .build();
    }
}
