package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;

/**
 * Runs a route and is the one place where exceptions become responses: domain exceptions turn
 * into their problem+json, anything else is logged with its stack trace and answered with a 500
 * that tells the client nothing but the request id.
 */
public final class Http {

    private Http() {
    }

    public static APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context, Route route) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event);
        try (Log.Scope ignored = Log.invocation(context, request.requestId())) {
            ApiResponse response;
            try {
                response = route.handle(request);
            } catch (DomainException e) {
                response = problem(e, request);
            } catch (RuntimeException | StackOverflowError e) {
                Log.error("unhandled exception", e, "method", request.method(), "path", request.path());
                response = ApiResponse.problem(Problem.of(ProblemType.INTERNAL,
                        "Something went wrong on our side. Quote the request id if you report it.",
                        request.path(), request.requestId(), List.of()));
            }
            Log.info("request", "method", request.method(), "path", request.path(),
                    "status", response.status(), "micros", (System.nanoTime() - started) / 1_000);
            APIGatewayV2HTTPResponse answer = response.toEvent();
            if (context != null || SnapStart.priming()) {
                Metrics.request(event.getRouteKey(), answer.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
            }
            if (CONTRACT != null) {
                CONTRACT.accept(Map.of("routeKey", String.valueOf(event.getRouteKey()), "status", answer.getStatusCode(),
                        "headers", answer.getHeaders(), "body", answer.getBody() == null ? "" : answer.getBody()));
            }
            return answer;
        }
    }

    /**
     * Tests only: the class named by the system property {@code kiosk.contract} (loaded by the
     * system class loader, so that the local runtime's functions reach it too) sees every answer
     * as {routeKey, status, headers, body} and throws if it breaks the API's contract. Unset in
     * Lambda, where this costs one property read at class load.
     */
    private static final Consumer<Map<String, Object>> CONTRACT = contract(System.getProperty("kiosk.contract"));

    @SuppressWarnings("unchecked")
    private static Consumer<Map<String, Object>> contract(String className) {
        if (className == null || className.isBlank()) {
            return null;
        }
        try {
            return (Consumer<Map<String, Object>>) Class.forName(className, true, ClassLoader.getSystemClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kiosk.contract names " + className + ", which cannot be built", e);
        }
    }

    /** The problem+json of a domain exception, with the headers HTTP gives its kind of refusal. */
    static ApiResponse problem(DomainException e, ApiRequest request) {
        ApiResponse response = ApiResponse.problem(
                Problem.of(e.type(), e.getMessage(), request.path(), request.requestId(), e.errors()));
        if (e instanceof VersionConflictException conflict) {
            response.etag(conflict.currentVersion());
        }
        if (e instanceof RetryLaterException later) {
            response.header("retry-after", Long.toString(later.retryAfterSeconds()));
        }
        return response;
    }
}
