package kiosk.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kiosk.emulator.http.HttpListener;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint;
import kiosk.local.stack.Stack;

/**
 * The HTTP API on a local port, dispatching as API Gateway's HTTP API does for the routes
 * template.yaml declares: CORS preflights first, then the route, its Lambda authorizer, and the
 * function, with {@link Payload20} making the event and reading the result; API Gateway's own JSON
 * answers when no route matches (404), identity is missing (401), an authorizer refuses (403), a
 * route's throttle or a function's concurrency is exhausted (429), a function fails (500) or times
 * out (503).
 */
public final class Gateway implements AutoCloseable {

    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final RouteTable routes;
    private final RouteThrottles throttles;
    private final Authorizers authorizers;
    private final Cors cors;
    private final Invoker functions;
    private final ObjectMapper json = new ObjectMapper();
    private final Payload20 payload;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, HttpHandler> extras = new LinkedHashMap<>();
    private final HttpListener server;
    private StaticSite site;

    /** {@code throttle} false serves without the template's route throttling, for load tests. */
    public Gateway(Blueprint blueprint, Invoker functions, String accountId, String host, int port, boolean throttle) {
        this.routes = new RouteTable(blueprint.routes());
        this.throttles = throttle ? new RouteThrottles(blueprint, System::nanoTime) : null;
        this.functions = functions;
        this.authorizers = new Authorizers(blueprint.authorizers(), functions, json);
        this.cors = new Cors(blueprint.cors());
        this.payload = new Payload20(json, accountId);
        try {
            this.server = new HttpListener("gateway", host, port, this::serve);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (is another Kiosk running? --port picks another)", e);
        }
    }

    /**
     * A path of the runtime's own, outside the API (such as {@code /_local/}): served before any
     * route, so it must not be a prefix the template uses.
     */
    public void addLocalHandler(String prefix, HttpHandler handler) {
        extras.put(prefix, handler);
    }

    /** The files served where no route matches a GET or HEAD (the shop's pages); none by default. */
    public void site(StaticSite site) {
        this.site = site;
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.port();
    }

    /**
     * The path as the client wrote it. The JDK's server parses the request target as a URI, so
     * "//products" comes back as a host named products with an empty path; API Gateway routes the
     * path as written (and finds no route for it).
     */
    public static String rawPath(HttpExchange exchange) {
        URI target = exchange.getRequestURI();
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        return target.getScheme() == null && target.getRawAuthority() != null ? "//" + target.getRawAuthority() + path : path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // A fault of the runtime itself, not of a function: still API Gateway's 500, with the
                // cause logged (inside the exchange: closed, it would already have sent a bare 500).
                System.err.println("gateway: " + e);
                if (exchange.getResponseCode() == -1) {
                    gatewayAnswer(exchange, 500, "Internal Server Error");
                }
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String rawPath = rawPath(exchange);
        for (Map.Entry<String, HttpHandler> extra : extras.entrySet()) {
            if (rawPath.startsWith(extra.getKey())) {
                extra.getValue().handle(exchange);
                return;
            }
        }
        String requestId = requestId();
        exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Headers request = exchange.getRequestHeaders();
        if (cors.enabled() && Cors.isPreflight(method, request)) {
            cors.preflight(request, exchange.getResponseHeaders());
            send(exchange, 204, null);
            return;
        }
        RouteTable.Match match = routes.match(method, rawPath);
        if (match == null && site != null && (method.equals("GET") || method.equals("HEAD")) && site.serve(exchange)) {
            return;
        }
        if (match == null) {
            gatewayAnswer(exchange, 404, "Not Found");
            return;
        }
        if (throttles != null && !throttles.admit(match.route())) {
            gatewayAnswer(exchange, 429, "Too Many Requests");
            return;
        }
        // Routed and admitted before a byte of the body is read, and a declared length over the
        // limit refused unread: a flood of large bodies costs the runtime little.
        if (declaredLength(request) > MAX_BODY) {
            gatewayAnswer(exchange, 413, "Request Entity Too Large");
            return;
        }
        byte[] body;
        try {
            body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        } catch (IOException malformed) {
            gatewayAnswer(exchange, 400, "Bad Request");
            return;
        }
        if (body.length > MAX_BODY) {
            gatewayAnswer(exchange, 413, "Request Entity Too Large");
            return;
        }
        ObjectNode event = payload.event(new Payload20.Request(method, rawPath, exchange.getRequestURI().getRawQuery(),
                request, body, exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol()),
                match, requestId, Instant.now());
        if (match.route().authorizer() != null) {
            AuthorizerOutcome outcome;
            try {
                outcome = authorizers.decide(match.route().authorizer(), event);
            } catch (Stack.ThrottledException e) {
                // The authorizer's function at its concurrency limit is throttled like any other.
                gatewayAnswer(exchange, 429, "Too Many Requests");
                return;
            }
            switch (outcome) {
                case AuthorizerOutcome.Allow allow -> ((ObjectNode) event.get("requestContext")).putObject("authorizer")
                        .set("lambda", allow.context());
                case AuthorizerOutcome.Unauthorized unauthorized -> {
                    gatewayAnswer(exchange, 401, "Unauthorized");
                    return;
                }
                case AuthorizerOutcome.Forbidden forbidden -> {
                    gatewayAnswer(exchange, 403, "Forbidden");
                    return;
                }
                case AuthorizerOutcome.Error error -> {
                    gatewayAnswer(exchange, 500, "Internal Server Error");
                    return;
                }
            }
        }
        byte[] result;
        try {
            result = functions.invoke(match.route().functionId(), json.writeValueAsBytes(event));
        } catch (FunctionException e) {
            gatewayAnswer(exchange, e.timedOut() ? 503 : 500, e.timedOut() ? "Service Unavailable" : "Internal Server Error");
            return;
        } catch (Stack.ThrottledException e) {
            // Lambda's throttle reaches the client as API Gateway's 429.
            gatewayAnswer(exchange, 429, "Too Many Requests");
            return;
        }
        Optional<Payload20.Response> response = payload.response(result);
        if (response.isEmpty()) {
            gatewayAnswer(exchange, 500, "Internal Server Error");
            return;
        }
        Headers out = exchange.getResponseHeaders();
        response.get().headers().forEach((name, values) -> out.put(name, values));
        decorate(exchange);
        send(exchange, response.get().status(), response.get().body());
    }

    /** The Content-Length a request declares, 0 without one (the listener refused a malformed one). */
    private static long declaredLength(Headers request) {
        String length = request.getFirst("Content-Length");
        return length == null ? 0 : Long.parseLong(length.trim());
    }

    /** API Gateway's own answers carry {"message": ...} as JSON. */
    private void gatewayAnswer(HttpExchange exchange, int status, String message) throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.keySet().removeIf(name -> !name.equalsIgnoreCase("Apigw-Requestid"));
        out.set("Content-Type", "application/json");
        if (status == 401) {
            out.set("Www-Authenticate", "Bearer");
        }
        decorate(exchange);
        ObjectNode body = json.createObjectNode().put("message", message);
        send(exchange, status, json.writeValueAsBytes(body));
    }

    private void decorate(HttpExchange exchange) {
        if (cors.enabled()) {
            cors.decorate(exchange.getRequestHeaders(), exchange.getResponseHeaders());
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body == null || body.length == 0 || status == 204 || status == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** API Gateway's request ids are 10 random bytes, base64: "JmJ3ziH9DoEEMxQ=". */
    private String requestId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
