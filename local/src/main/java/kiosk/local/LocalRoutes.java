package kiosk.local;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kiosk.local.events.Scheduler;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Stack;

/**
 * The runtime's own routes under /_local/: POST /_local/schedules/{name} fires a schedule now (with
 * the JSON object sent, if any, as its function's input);
 * GET /_local/payment-simulator answers the simulated payment gateway's switches and ledger counts,
 * and PUT with {@code {"outage": true, "latencyMillis": 500}} sets them, through the
 * template's PaymentSimulatorFunction; GET and PUT /_local/shipping-simulator do the same for the
 * simulated shipping partner ({@code {"outage": true, "shipAfterSeconds": 2, "deliverAfterSeconds": 4}})
 * through ShippingSimulatorFunction; GET /_local/openapi.yaml and /_local/docs/ are the API's
 * document and its browsable reference ({@link ApiReference}); GET /_local/health is GET
 * /health's answer with this runtime's own services' state ({@link LocalHealth}).
 * They are for the developer at this machine, not for web pages they visit: a request a browser
 * sends cross-site (an Origin or Sec-Fetch-Site saying so, or a form or text/plain body, which a
 * page may POST without a preflight) is refused, and so is one whose Host is not this runtime's,
 * so that a page whose domain re-resolves to 127.0.0.1 (DNS rebinding) cannot reach them either.
 * An address the developer types (Sec-Fetch-Site: none) and the reference's own requests
 * (same-origin) are served.
 */
final class LocalRoutes implements HttpHandler {

    static final String PREFIX = "/_local/";
    private static final String SCHEDULES = PREFIX + "schedules/";
    static final String PAYMENT_SIMULATOR = PREFIX + "payment-simulator";
    static final String PAYMENT_SIMULATOR_FUNCTION = "PaymentSimulatorFunction";
    static final String SHIPPING_SIMULATOR = PREFIX + "shipping-simulator";
    static final String HEALTH = PREFIX + "health";
    /** Each simulator's path and the template's function that sets and answers its switches. */
    private static final Map<String, String> SIMULATORS = Map.of(PAYMENT_SIMULATOR, PAYMENT_SIMULATOR_FUNCTION,
            SHIPPING_SIMULATOR, "ShippingSimulatorFunction");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One JSON object, whole: no second value after it, no key twice. */
    private static final ObjectMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    private final Scheduler scheduler;
    private final Invoker functions;
    private final Set<String> hosts;
    private final ApiReference reference;
    private LocalHealth health;

    /**
     * {@code host}: the interface the gateway listens on, a name clients may use beside loopback's;
     * {@code document}: the API's OpenAPI document, served as it is.
     */
    LocalRoutes(Scheduler scheduler, Invoker functions, String host, Path document) {
        this.scheduler = scheduler;
        this.functions = functions;
        this.reference = new ApiReference(document);
        Set<String> names = new java.util.HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        names.add(host.toLowerCase(Locale.ROOT));
        this.hosts = Set.copyOf(names);
    }

    /** The simulator's input: no body is {} (read the switches), anything else must be a JSON object. */
    private static byte[] switches(byte[] body) throws BadInput {
        return body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8)
                : jsonObject(body, "the simulator's switches, such as {\"outage\": true, \"latencyMillis\": 500}");
    }

    /** A body that must be one JSON object of at most 4096 bytes; {@code what} says what it holds. */
    private static byte[] jsonObject(byte[] body, String what) throws BadInput {
        if (body.length > 4096) {
            throw new BadInput("the body is over 4096 bytes: send a JSON object of " + what);
        }
        try {
            if (STRICT.readTree(body) instanceof ObjectNode) {
                return body;
            }
        } catch (IOException notJson) {
            // the same answer as JSON that is not an object
        }
        throw new BadInput("send a JSON object of " + what);
    }

    /** Whether a function failed because it refused its input (an IllegalArgumentException): the caller's to fix. */
    private static boolean refusedInput(FunctionException failure) {
        return String.valueOf(failure.errorType()).endsWith("IllegalArgumentException");
    }

        private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    /** Serves GET /_local/health from now on (the runtime's consumers exist once it is built). */
    void health(LocalHealth health) {
        this.health = health;
    }

    /** Why a request may not be served, or null. */
    String refusal(Headers headers) {
        String host = headers.getFirst("Host");
        String name = host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst(":[0-9]+$", "");
        if (name == null || !hosts.contains(name)) {
            return "the Host header must name this runtime (localhost or 127.0.0.1)";
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            return "cross-site requests are refused";
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "cross-site requests are refused";
        }
        String type = headers.getFirst("Content-Type");
        if (type != null && SIMPLE_TYPES.contains(type.split(";")[0].strip().toLowerCase(Locale.ROOT))) {
            return "send no body, or a JSON one";
        }
        return null;
    }

    /** Answers the function's result, 404 for an unknown schedule or path, 500 when the function failed. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status;
        byte[] body;
        String refusal = refusal(exchange.getRequestHeaders());
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (refusal == null && ApiReference.serves(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())) {
            reference(exchange, reference.answer(exchange.getRequestURI().getRawPath()));
            return;
        }
        if (refusal != null) {
            status = 403;
            body = JSON.writeValueAsBytes(Map.of("message", refusal));
        } else if (path.equals(HEALTH) && exchange.getRequestMethod().equals("GET") && health != null) {
            LocalHealth.Answer answer = health.check();
            status = answer.status();
            body = answer.body();
        } else if (path.startsWith(SCHEDULES) && exchange.getRequestMethod().equals("POST")) {
            String name = path.substring(SCHEDULES.length());
            boolean given = false;
            try {
                // A JSON object sent is the function's input instead of the schedule's event
                // ({"date": "2026-11-20"} has the daily report compute that day).
                byte[] input = exchange.getRequestBody().readNBytes(4097);
                given = input.length > 0;
                byte[] result = scheduler.fire(name, given ? jsonObject(input, "the function's input, such as {\"date\": \"2026-11-20\"}") : null);
                status = 200;
                body = result == null ? "null".getBytes(StandardCharsets.UTF_8) : result;
            } catch (BadInput e) {
                status = 400;
                body = JSON.writeValueAsBytes(Map.of("message", e.getMessage()));
            } catch (IllegalArgumentException e) {
                status = 404;
                body = JSON.writeValueAsBytes(Map.of("message", e.getMessage()));
            } catch (FunctionException e) {
                // A function that refuses the input it was given ({"date": "soon"}): the caller's to fix.
                boolean refused = given && refusedInput(e);
                status = refused ? 400 : 500;
                body = JSON.writeValueAsBytes(refused ? Map.of("message", String.valueOf(e.getMessage()))
                        : Map.of("errorType", e.errorType(), "errorMessage", String.valueOf(e.getMessage())));
            }
        } else if (SIMULATORS.containsKey(path) && Set.of("GET", "PUT").contains(exchange.getRequestMethod())) {
            byte[] input = exchange.getRequestMethod().equals("GET") ? new byte[0] : exchange.getRequestBody().readNBytes(4097);
            String function = SIMULATORS.get(path);
            try {
                body = functions.invoke(function, switches(input));
                status = 200;
            } catch (BadInput e) {
                status = 400;
                body = JSON.writeValueAsBytes(Map.of("message", e.getMessage()));
            } catch (IllegalArgumentException e) {
                status = 404;
                body = JSON.writeValueAsBytes(Map.of("message", "the template has no " + function));
            } catch (Stack.ThrottledException e) {
                status = 429;
                body = JSON.writeValueAsBytes(Map.of("message", String.valueOf(e.getMessage())));
            } catch (FunctionException e) {
                // The function refuses what it cannot set (an unknown switch, a latency out of range): the caller's to fix.
                boolean refused = refusedInput(e);
                status = refused ? 400 : 500;
                body = JSON.writeValueAsBytes(Map.of("message", refused ? String.valueOf(e.getMessage())
                        : "the simulator failed; the runtime's log says why"));
            }
        } else {
            status = 404;
            body = JSON.writeValueAsBytes(Map.of("message", "the runtime's own paths: POST " + SCHEDULES + "{name}, GET and PUT "
                    + PAYMENT_SIMULATOR + " and " + SHIPPING_SIMULATOR + ", GET " + HEALTH + ", " + ApiReference.DOCUMENT + " and "
                    + ApiReference.DOCS));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body);
    }

    /** The document or a file of the reference, kept to this origin by its Content-Security-Policy. */
    private static void reference(HttpExchange exchange, ApiReference.Answer answer) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", ApiReference.CONTENT_SECURITY_POLICY);
        headers.set("Cache-Control", "no-cache");
        if (answer.location() != null) {
            headers.set("Location", answer.location());
        }
        if (answer.contentType() != null) {
            headers.set("Content-Type", answer.contentType());
        }
        send(exchange, answer.status(), answer.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
