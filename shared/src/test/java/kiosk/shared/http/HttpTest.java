package kiosk.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.error.ValidationException;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.error.FieldError;
import kiosk.shared.error.ProblemType;
import kiosk.shared.json.Json;
import kiosk.shared.log.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTest {

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream previous;

    @BeforeEach
    void captureLogs() {
        previous = Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        Log.redirect(previous);
    }

    @Test
    void mapsADomainExceptionToProblemJsonWithItsFieldErrors() throws Exception {
        var response = Http.serve(event("req-1"), null, request -> {
            throw new ValidationException(List.of(new FieldError("/a", "bad")));
        });
        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        JsonNode problem = Json.MAPPER.readTree(response.getBody());
        assertEquals("urn:kiosk:problem:validation", problem.path("type").asText());
        assertEquals("Invalid request", problem.path("title").asText());
        assertEquals("/a: bad", problem.path("detail").asText());
        assertEquals("/things/1", problem.path("instance").asText());
        assertEquals("req-1", problem.path("requestId").asText());
        assertEquals("/a", problem.path("errors").get(0).path("pointer").asText());
    }

    @Test
    void aVersionConflictIs412CarryingTheCurrentVersionAsETag() throws Exception {
        var response = Http.serve(event("req-1"), null, request -> {
            throw new VersionConflictException("changed", 4);
        });
        assertEquals(412, response.getStatusCode());
        assertEquals("\"4\"", response.getHeaders().get("etag"));
        JsonNode problem = Json.MAPPER.readTree(response.getBody());
        assertEquals("urn:kiosk:problem:precondition-failed", problem.path("type").asText());
        assertEquals("changed", problem.path("detail").asText());
    }

    @Test
    void aRefusalThatLiftsOnItsOwnSaysWhenInRetryAfter() {
        ProblemType slowDown = new ProblemType("slow-down", 429, "Slow down");
        var response = Http.serve(event("req-1"), null, request -> {
            throw new RetryLaterException(slowDown, "later", 42);
        });
        assertEquals(429, response.getStatusCode());
        assertEquals("42", response.getHeaders().get("retry-after"));
    }

    @Test
    void answersAnUnexpectedExceptionWith500ThatLeaksNothingAndLogsTheStackTrace() throws Exception {
        var response = Http.serve(event("req-2"), null, request -> {
            throw new IllegalStateException("table kiosk-secret-table at 10.0.0.7 is gone");
        });
        assertEquals(500, response.getStatusCode());
        assertFalse(response.getBody().contains("kiosk-secret-table"));
        assertFalse(response.getBody().contains("IllegalStateException"));
        assertEquals("req-2", Json.MAPPER.readTree(response.getBody()).path("requestId").asText());
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"stackTrace\":\"java.lang.IllegalStateException"), logged);
        assertTrue(logged.contains("\"apiRequestId\":\"req-2\""), logged);
    }

    @Test
    void logsOneStructuredLinePerRequestWithTheStatus() throws Exception {
        Http.serve(event("req-3"), null, request -> ApiResponse.ok(Map.of("ok", true)));
        String[] lines = logs.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length);
        JsonNode line = Json.MAPPER.readTree(lines[0]);
        assertEquals("request", line.path("message").asText());
        assertEquals(200, line.path("status").asInt());
        assertEquals("req-3", line.path("apiRequestId").asText());
        assertEquals("GET", line.path("method").asText());
    }

    @Test
    void successResponsesAreJsonAndNotCached() {
        var response = Http.serve(event("req-4"), null, request -> ApiResponse.ok(Map.of("a", 1)).etag(3));
        assertEquals("{\"a\":1}", response.getBody());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        assertEquals("nosniff", response.getHeaders().get("x-content-type-options"));
        assertEquals("\"3\"", response.getHeaders().get("etag"));
    }

    private static APIGatewayV2HTTPEvent event(String requestId) {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/things/1")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(requestId)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build()).build())
                .build();
    }
}
