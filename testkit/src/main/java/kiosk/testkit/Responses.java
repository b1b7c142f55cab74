package kiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import kiosk.shared.json.Json;

/** Reading handler responses the way a client would. */
public final class Responses {

    private Responses() {
    }

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("body is not JSON: " + response.getBody(), e);
        }
    }

    /** Asserts a problem+json answer of the given status and type slug; returns its body. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
        assertEquals(status, response.getStatusCode(), response::getBody);
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        JsonNode problem = body(response);
        assertEquals("urn:kiosk:problem:" + slug, problem.path("type").asText(), response::getBody);
        assertEquals(status, problem.path("status").asInt());
        return problem;
    }
}
