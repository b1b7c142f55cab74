package kiosk.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Map;

/**
 * One cold start: load the handler class, construct it, answer one GET /products/{id} event, and
 * print when each step ended (epoch microseconds) as one JSON line. The event is built in code,
 * not parsed, so that neither side is charged for loading a JSON library the other gets free.
 * Usage: ColdStart HANDLER_CLASS PRODUCT_ID
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long main = micros();
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long constructed = micros();
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
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        long responded = micros();
        System.out.println("{\"main\":" + main + ",\"constructed\":" + constructed + ",\"responded\":" + responded
                + ",\"status\":" + response.getStatusCode() + ",\"bodyLength\":" + response.getBody().length() + "}");
        System.exit(0);
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
