package kiosk.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint.Authorizer;

/**
 * Lambda authorizers as an HTTP API runs them (payload 2.0): the identity sources must all be
 * present or the answer is 401 without a call; the result, allow or deny, is cached for
 * ReauthorizeEvery seconds under the identity values; a simple response's isAuthorized, or an
 * IAM policy's Allow, decides; its context reaches the route as requestContext.authorizer.lambda.
 */
final class Authorizers {

    private record Cached(AuthorizerOutcome outcome, long expiresAtNanos) {
    }

    private final Map<String, Authorizer> declared;
    private final Invoker functions;
    private final ObjectMapper json;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Authorizers(Map<String, Authorizer> declared, Invoker functions, ObjectMapper json) {
        this.declared = declared;
        this.functions = functions;
        this.json = json;
    }

    /**
     * Decides for one request. {@code event} is the route's event without requestContext.authorizer;
     * the identity values are read from it the way API Gateway reads its identity sources.
     */
    AuthorizerOutcome decide(String name, ObjectNode event) {
        Authorizer authorizer = declared.get(name);
        if (authorizer == null) {
            throw new IllegalStateException("a route names authorizer " + name + ", which the HttpApi does not declare");
        }
        List<String> identity = new ArrayList<>();
        for (String source : authorizer.identitySources()) {
            String value = identityValue(source, event);
            if (value == null || value.isEmpty()) {
                return new AuthorizerOutcome.Unauthorized();
            }
            identity.add(value);
        }
        String key = name + "\u0000" + String.join("\u0000", identity);
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAtNanos() > System.nanoTime()) {
            return cached.outcome();
        }
        AuthorizerOutcome outcome = invoke(authorizer, event, identity);
        if (authorizer.ttlSeconds() > 0 && !(outcome instanceof AuthorizerOutcome.Error)) {
            if (cache.size() >= MAX_CACHED) {
                evict();
            }
            cache.put(key, new Cached(outcome, System.nanoTime() + authorizer.ttlSeconds() * 1_000_000_000L));
        }
        return outcome;
    }

    /** How many answers are kept: each distinct token is an entry, and anyone can send new tokens. */
    static final int MAX_CACHED = 10_000;

    /** Expired entries go first; if none had expired, the half nearest expiry makes room. */
    private void evict() {
        long now = System.nanoTime();
        cache.values().removeIf(cached -> cached.expiresAtNanos() <= now);
        if (cache.size() >= MAX_CACHED) {
            List<Long> expiries = new ArrayList<>(cache.values().stream().map(Cached::expiresAtNanos).sorted().toList());
            long cutoff = expiries.get(expiries.size() / 2);
            cache.values().removeIf(cached -> cached.expiresAtNanos() <= cutoff);
        }
    }

    /** Entries held now: bounded by {@link #MAX_CACHED}. */
    int cached() {
        return cache.size();
    }

    private AuthorizerOutcome invoke(Authorizer authorizer, ObjectNode routeEvent, List<String> identity) {
        ObjectNode event = routeEvent.deepCopy();
        event.put("type", "REQUEST");
        ObjectNode context = (ObjectNode) event.get("requestContext");
        event.put("routeArn", "arn:aws:execute-api:" + context.path("accountId").asText() + ":" + context.path("apiId").asText()
                + "/$default/" + context.path("http").path("method").asText() + context.path("http").path("path").asText());
        event.set("identitySource", json.valueToTree(identity));
        event.remove("body");
        event.remove("isBase64Encoded");
        JsonNode answer;
        try {
            byte[] result = functions.invoke(authorizer.functionId(), json.writeValueAsBytes(event));
            answer = result == null ? null : json.readTree(result);
        } catch (FunctionException | IOException e) {
            return new AuthorizerOutcome.Error();
        }
        if (answer == null || !answer.isObject()) {
            return new AuthorizerOutcome.Error();
        }
        boolean allowed;
        if (authorizer.simpleResponses()) {
            if (!answer.path("isAuthorized").isBoolean()) {
                return new AuthorizerOutcome.Error();
            }
            allowed = answer.path("isAuthorized").asBoolean();
        } else {
            allowed = policyAllows(answer.path("policyDocument"));
        }
        return allowed ? new AuthorizerOutcome.Allow(answer.path("context").isObject() ? answer.get("context")
                : json.createObjectNode()) : new AuthorizerOutcome.Forbidden();
    }

    /** An IAM policy response allows when a statement allows execute-api:Invoke and none denies. */
    private static boolean policyAllows(JsonNode policy) {
        boolean allow = false;
        for (JsonNode statement : policy.path("Statement")) {
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny")) {
                return false;
            }
            allow |= effect.equals("Allow");
        }
        return allow;
    }

    private static String identityValue(String source, JsonNode event) {
        String header = "$request.header.";
        String query = "$request.querystring.";
        if (source.startsWith(header)) {
            JsonNode value = event.path("headers").get(source.substring(header.length()).toLowerCase(Locale.ROOT));
            return value == null ? null : value.asText();
        }
        if (source.startsWith(query)) {
            JsonNode value = event.path("queryStringParameters").get(source.substring(query.length()));
            return value == null ? null : value.asText();
        }
        return null;
    }
}
