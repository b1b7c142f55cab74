package kiosk.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One cold start: load the handler class, construct it, answer one event, and print when each
 * step ended (epoch microseconds) as one JSON line. The event is built in code, not parsed, so that
 * no variant is charged for loading a JSON library another gets free: GET /products/{id} for an
 * HTTP handler, and for the authorizer a payload 2.0 REQUEST event with a bearer token (an allow
 * is reported as status 200, a deny as 403); for checkout a POST /checkout by a shopper whose
 * cart holds a product (a placed order, 201, is reported as 200).
 * Usage: ColdStart HANDLER_CLASS PRODUCT_ID|TOKEN|SHOPPER_ID
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long main = micros();
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long constructed = micros();
        if (args[0].endsWith("AuthorizerHandler")) {
            authorize(handler, args[1], main, constructed);
        }
        if (args[0].endsWith("CheckoutHandler")) {
            checkout(handler, args[1], main, constructed);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /products/{id}")
                .withRawPath("/products/" + args[1])
                .withRawQueryString("")
                .withHeaders(Map.of("accept", "application/json", "host", "localhost"))
                .withPathParameters(Map.of("id", args[1]))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("cold-start")
                        .withRouteKey("GET /products/{id}")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/products/" + args[1]).build())
                        .build())
                .build();
        @SuppressWarnings("unchecked")
        var http = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        APIGatewayV2HTTPResponse response = http.handleRequest(event, null);
        report(main, constructed, response.getStatusCode(), response.getBody().length());
    }

    private static void authorize(Object handler, String token, long main, long constructed) {
        Map<String, Object> event = Map.of("version", "2.0", "type", "REQUEST", "routeKey", "GET /me",
                "rawPath", "/me", "identitySource", List.of("Bearer " + token),
                "headers", Map.of("authorization", "Bearer " + token, "host", "localhost"),
                "requestContext", Map.of("requestId", "cold-start", "routeKey", "GET /me"));
        @SuppressWarnings("unchecked")
        var authorizer = (RequestHandler<Map<String, Object>, Map<String, Object>>) handler;
        Map<String, Object> response = authorizer.handleRequest(event, null);
        report(main, constructed, Boolean.TRUE.equals(response.get("isAuthorized")) ? 200 : 403,
                ((Map<?, ?>) response.get("context")).size());
    }

    /** POST /checkout as the authorizer passes it on: the shopper's cart becomes an order (201). */
    private static void checkout(Object handler, String shopper, long main, long constructed) {
        String body = "{\"shippingAddress\":{\"name\":\"Bench\",\"lines\":[\"1 Cold Street\"],\"city\":\"Berlin\","
                + "\"postalCode\":\"10115\",\"country\":\"DE\"},\"paymentMethod\":\"pm_card_visa\"}";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /checkout")
                .withRawPath("/checkout")
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json", "host", "localhost",
                        "idempotency-key", "cold-" + shopper + "-" + System.nanoTime()))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("cold-start")
                        .withRouteKey("POST /checkout")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/checkout").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(Map.<String, Object>of("userId", shopper, "roles", "")).build())
                        .build())
                .build();
        @SuppressWarnings("unchecked")
        var http = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        APIGatewayV2HTTPResponse response = http.handleRequest(event, null);
        report(main, constructed, response.getStatusCode() == 201 ? 200 : response.getStatusCode(), response.getBody().length());
    }

    private static void report(long main, long constructed, int status, int bodyLength) {
        long responded = micros();
        System.out.println("{\"main\":" + main + ",\"constructed\":" + constructed + ",\"responded\":" + responded
                + ",\"status\":" + status + ",\"bodyLength\":" + bodyLength + "}");
        System.exit(0);
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
