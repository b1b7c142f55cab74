package kiosk.local.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lambda's Runtime API (2018-06-01) on loopback, for one runtime process: what the Lambda service
 * serves an execution environment. A runtime takes an invocation with {@code GET invocation/next}
 * (held open until one is queued) and answers it with {@code POST invocation/{id}/response} or
 * {@code .../error}; a handler that cannot be loaded is reported with {@code POST init/error}, and
 * a SnapStart runtime asks {@code GET restore/next} once its snapshot would be taken.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One event on its way through the runtime. */
    private record Invocation(String requestId, byte[] event, CompletableFuture<Answer> answer) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String functionArn;
    private final Duration timeout;
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private volatile Answer.Failure gone;

    private RuntimeApiServer(String functionArn, Duration timeout) throws IOException {
        this.functionArn = functionArn;
        this.timeout = timeout;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // A thread per exchange: invocation/next blocks until the test queues an event.
        this.threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("runtime-api-", 0).factory());
        server.setExecutor(threads);
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** Serves the Runtime API for the function of this ARN, whose invocations have this timeout. */
    static RuntimeApiServer start(String functionArn, Duration timeout) throws IOException {
        return new RuntimeApiServer(functionArn, timeout);
    }

    /** What AWS_LAMBDA_RUNTIME_API is set to: host and port, no scheme. */
    String address() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Queues an event for the runtime's next {@code invocation/next}; completes with its answer. */
    CompletableFuture<Answer> submit(byte[] event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        queued.add(invocation);
        Answer.Failure failure = gone;
        if (failure != null) {
            answerAll(failure);
        }
        return invocation.answer();
    }

    /** The runtime process ended: nothing will answer what waits, so it gets this failure. */
    void runtimeEnded(Answer.Failure failure) {
        if (gone == null) {
            gone = failure;
        }
        answerAll(gone);
    }

    private void answerAll(Answer.Failure failure) {
        for (Invocation invocation; (invocation = queued.poll()) != null; ) {
            invocation.answer().complete(failure);
        }
        running.values().forEach(invocation -> invocation.answer().complete(failure));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring(BASE.length());
            List<String> parts = List.of(route.split("/"));
            if (route.equals("GET invocation/next")) {
                next(exchange);
            } else if (route.equals("GET restore/next")) {
                send(exchange, 200, new byte[0]);
            } else if (route.equals("POST init/error")) {
                Answer.Failure failure = JSON.readValue(body(exchange), Answer.Failure.class);
                runtimeEnded(failure);
                accepted(exchange);
            } else if (route.startsWith("POST invocation/") && parts.size() == 3) {
                Invocation invocation = running.remove(parts.get(1));
                if (invocation == null) {
                    send(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                byte[] body = body(exchange);
                invocation.answer().complete(switch (parts.get(2)) {
                    case "response" -> new Answer.Success(new String(body, StandardCharsets.UTF_8));
                    case "error" -> JSON.readValue(body, Answer.Failure.class);
                    default -> Answer.Failure.of("Runtime.InvalidRoute", route);
                });
                accepted(exchange);
            } else {
                send(exchange, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"no route " + route + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = queued.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        running.put(invocation.requestId(), invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + invocation.requestId().replace("-", "").substring(0, 24) + ";Parent=" + "0".repeat(16) + ";Sampled=0");
        send(exchange, 200, invocation.event());
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
