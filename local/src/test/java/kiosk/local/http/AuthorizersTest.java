package kiosk.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint.Authorizer;
import org.junit.jupiter.api.Test;

/** The authorizer's outcomes, decided from a fake function's answers: no gateway, no socket. */
class AuthorizersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> calls = new ArrayList<>();

    private Authorizers authorizers(boolean simple, int ttl, String answer) {
        Invoker function = (id, event) -> {
            try {
                calls.add(JSON.readTree(event));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            if (answer == null) {
                throw FunctionException.error(new IllegalStateException("boom"));
            }
            return answer.getBytes(StandardCharsets.UTF_8);
        };
        Authorizer declared = new Authorizer("Key", "KeyFunction", List.of("$request.header.Authorization"), ttl, simple, "2.0");
        return new Authorizers(Map.of("Key", declared), function, JSON);
    }

    private static ObjectNode event(String authorization) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode headers = event.putObject("headers");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        event.put("body", "secret body");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "1").put("apiId", "local");
        context.putObject("http").put("method", "GET").put("path", "/guarded");
        return event;
    }

    @Test
    void aMissingIdentitySourceIsUnauthorizedWithoutACall() {
        assertInstanceOf(AuthorizerOutcome.Unauthorized.class, authorizers(true, 0, "{}").decide("Key", event(null)));
        assertEquals(0, calls.size());
    }

    @Test
    void aSimpleResponseAllowsWithItsContextOrForbids() {
        AuthorizerOutcome allowed = authorizers(true, 0, "{\"isAuthorized\":true,\"context\":{\"userId\":\"u-1\"}}")
                .decide("Key", event("Bearer a"));
        assertEquals("u-1", assertInstanceOf(AuthorizerOutcome.Allow.class, allowed).context().get("userId").asText());
        JsonNode sent = calls.get(0);
        assertEquals("REQUEST", sent.get("type").asText());
        assertEquals("[\"Bearer a\"]", sent.get("identitySource").toString());
        assertEquals("arn:aws:execute-api:1:local/$default/GET/guarded", sent.get("routeArn").asText());
        assertEquals(null, sent.get("body"), "an authorizer never sees the body");

        assertInstanceOf(AuthorizerOutcome.Forbidden.class,
                authorizers(true, 0, "{\"isAuthorized\":false}").decide("Key", event("Bearer b")));
    }

    @Test
    void anIamPolicyAllowsOnlyWithAnAllowAndNoDeny() {
        String allow = "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"}]}}";
        String deny = "{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"},{\"Effect\":\"Deny\"}]}}";
        assertInstanceOf(AuthorizerOutcome.Allow.class, authorizers(false, 0, allow).decide("Key", event("x")));
        assertInstanceOf(AuthorizerOutcome.Forbidden.class, authorizers(false, 0, deny).decide("Key", event("x")));
    }

    @Test
    void aFailingOrNonsensicalAuthorizerIsAnErrorAndIsNotCached() {
        Authorizers failing = authorizers(true, 300, null);
        assertInstanceOf(AuthorizerOutcome.Error.class, failing.decide("Key", event("x")));
        assertInstanceOf(AuthorizerOutcome.Error.class, failing.decide("Key", event("x")));
        assertEquals(2, calls.size(), "an error is asked again");
        assertInstanceOf(AuthorizerOutcome.Error.class,
                authorizers(true, 0, "{\"isAuthorized\":\"yes\"}").decide("Key", event("x")));
    }

    @Test
    void allowsAndDenialsAreCachedPerIdentityForTheTtl() {
        Authorizers cached = authorizers(true, 300, "{\"isAuthorized\":true}");
        cached.decide("Key", event("one"));
        cached.decide("Key", event("one"));
        cached.decide("Key", event("two"));
        assertEquals(2, calls.size());
    }

    @Test
    void theCacheIsBoundedHoweverManyDistinctTokensArrive() {
        Authorizers cached = authorizers(true, 300, "{\"isAuthorized\":false}");
        for (int i = 0; i < Authorizers.MAX_CACHED + 500; i++) {
            cached.decide("Key", event("token-" + i));
        }
        assertTrue(cached.cached() <= Authorizers.MAX_CACHED, "entries: " + cached.cached());
    }
}
