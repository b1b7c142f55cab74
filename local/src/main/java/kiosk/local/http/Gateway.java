package kiosk.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import kiosk.local.function.FunctionException;
import kiosk.local.function.LocalFunction;
import kiosk.local.stack.Blueprint;

/**
 * The HTTP API on a local port, behaving as API Gateway's HTTP API does for the routes
 * template.yaml declares: payload 2.0 events, the route's Lambda authorizer, CORS, response
 * mapping (status, headers, cookies, base64 bodies), and API Gateway's own JSON answers when no
 * route matches (404), identity is missing (401), an authorizer refuses (403), a function fails
 * (500) or times out (503).
 */
public final class Gateway implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String API_ID = "local";
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final RouteTable routes;
    private final Authorizers authorizers;
    private final Cors cors;
    private final Function<String, LocalFunction> functions;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, HttpHandler> extras = new LinkedHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads;
    private final String accountId;

    public Gateway(Blueprint blueprint, Function<String, LocalFunction> functions, String accountId, String host, int port) {
        this.routes = new RouteTable(blueprint.routes());
        this.functions = functions;
        this.authorizers = new Authorizers(blueprint.authorizers(), functions, json);
        this.cors = new Cors(blueprint.cors());
        this.accountId = accountId;
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (is another Kiosk running? --port picks another)", e);
        }
        // Pooled platform threads rather than a virtual thread per request: per-thread caches survive.
        this.threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("gateway-", 0).factory());
        server.setExecutor(threads);
        server.createContext("/", this::serve);
    }

    /**
     * A path of the runtime's own, outside the API (such as {@code /_local/}): served before any
     * route, so it must not be a prefix the template uses.
     */
    public void addLocalHandler(String prefix, HttpHandler handler) {
        extras.put(prefix, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
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
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                gatewayAnswer(exchange, 413, "Request Entity Too Large");
                return;
            }
            RouteTable.Match match = routes.match(method, rawPath);
            if (match == null) {
                gatewayAnswer(exchange, 404, "Not Found");
                return;
            }
            ObjectNode event = event(exchange, method, match, body, requestId);
            if (match.route().authorizer() != null) {
                Authorizers.Decision decision = authorizers.decide(match.route().authorizer(), event);
                switch (decision.status()) {
                    case 200 -> ((ObjectNode) event.get("requestContext")).putObject("authorizer")
                            .set("lambda", decision.context());
                    case 401 -> {
                        gatewayAnswer(exchange, 401, "Unauthorized");
                        return;
                    }
                    case 403 -> {
                        gatewayAnswer(exchange, 403, "Forbidden");
                        return;
                    }
                    default -> {
                        gatewayAnswer(exchange, 500, "Internal Server Error");
                        return;
                    }
                }
            }
            byte[] result;
            try {
                result = functions.apply(match.route().functionId()).invoke(json.writeValueAsBytes(event));
            } catch (FunctionException e) {
                gatewayAnswer(exchange, e.timedOut() ? 503 : 500, e.timedOut() ? "Service Unavailable" : "Internal Server Error");
                return;
            }
            respond(exchange, result);
        } catch (RuntimeException e) {
            // A fault of the runtime itself, not of a function: still API Gateway's 500, with the cause logged.
            System.err.println("gateway: " + e);
            gatewayAnswer(exchange, 500, "Internal Server Error");
        }
    }

    /** The payload 2.0 event API Gateway sends a Lambda integration. */
    private ObjectNode event(HttpExchange exchange, String method, RouteTable.Match match, byte[] body, String requestId) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().key());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        List<String> cookies = new ArrayList<>();
        ObjectNode headers = json.createObjectNode();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> {
                    for (String cookie : v.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                });
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            event.set("cookies", json.valueToTree(cookies));
        }
        event.set("headers", headers);
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            event.set("queryStringParameters", json.valueToTree(query));
        }
        if (!match.pathParameters().isEmpty()) {
            event.set("pathParameters", json.valueToTree(match.pathParameters()));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", API_ID);
        String host = exchange.getRequestHeaders().getFirst("Host");
        context.put("domainName", host == null ? "localhost" : host);
        context.put("domainPrefix", host == null ? "localhost" : host.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.path("user-agent").asText(""));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().key());
        context.put("stage", "$default");
        Instant now = Instant.now();
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (body.length > 0) {
            String text = textual(headers.path("content-type").asText(null), body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Maps the function's result back: a formatted response, or any other JSON as a 200 application/json body. */
    private void respond(HttpExchange exchange, byte[] result) throws IOException {
        JsonNode answer;
        try {
            answer = result == null ? null : json.readTree(result);
        } catch (IOException notJson) {
            answer = null;
        }
        Headers out = exchange.getResponseHeaders();
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            out.set("Content-Type", "application/json");
            decorate(exchange);
            send(exchange, 200, result == null ? "null".getBytes(StandardCharsets.UTF_8) : result);
            return;
        }
        int status = answer.get("statusCode").asInt();
        if (!answer.get("statusCode").canConvertToInt() || status < 100 || status > 599) {
            gatewayAnswer(exchange, 500, "Internal Server Error");
            return;
        }
        answer.path("headers").properties().forEach(h -> out.set(h.getKey(), h.getValue().asText()));
        answer.path("multiValueHeaders").properties().forEach(h -> h.getValue().forEach(v -> out.add(h.getKey(), v.asText())));
        for (JsonNode cookie : answer.path("cookies")) {
            out.add("Set-Cookie", cookie.asText());
        }
        JsonNode body = answer.get("body");
        byte[] bytes = null;
        if (body != null && !body.isNull()) {
            bytes = answer.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
        }
        decorate(exchange);
        send(exchange, status, bytes);
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

    /** API Gateway passes text bodies as they are and base64-encodes the rest. */
    private static String textual(String contentType, byte[] body) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            boolean text = type.startsWith("text/") || type.contains("json") || type.contains("xml")
                    || type.contains("javascript") || type.contains("x-www-form-urlencoded") || type.contains("yaml");
            if (!text) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }

    /** queryStringParameters: decoded, repeated names joined with commas; absent when there are none. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
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
        server.stop(0);
        threads.shutdownNow();
    }
}
