package kiosk.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kiosk.emulator.http.HttpListener;

/**
 * ElasticMQ takes any credentials and offers no hook to check them, so clients reach it through
 * this front, which refuses requests not signed with the start's access key and passes the rest
 * on, unchanged, to ElasticMQ on a loopback address of its own.
 */
final class SqsFront implements AutoCloseable {

    /** Headers the JDK's client sets itself or refuses, and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");
    private static final int MAX_BODY = 1024 * 1024 + 64 * 1024;

    private final HttpListener server;
    private final ExecutorService threads;
    private final HttpClient client;
    private final AccessKeys keys;
    private volatile URI target;

    SqsFront(String host, int port, AccessKeys keys) {
        this.keys = keys;
        try {
            this.server = new HttpListener("sqs-front", host, port, this::forward);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " for SQS", e);
        }
        this.threads = Executors.newFixedThreadPool(32, Thread.ofPlatform().daemon().name("sqs-client-", 0).factory());
        this.client = HttpClient.newBuilder().executor(threads).connectTimeout(Duration.ofSeconds(5)).build();
        server.start();
    }

    int port() {
        return server.port();
    }

    void forwardTo(URI elasticMq) {
        this.target = elasticMq;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY);
            if (!keys.carriedBy(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestURI().getRawQuery())) {
                send(exchange, 403, Map.of("Content-Type", List.of("application/x-amz-json-1.0")),
                        AccessKeys.refusal().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()
                            + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            send(exchange, response.statusCode(), response.headers().map(), response.body());
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.startsWith(":") && !lower.equals("date")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.close();
        client.close();
        threads.shutdownNow();
    }
}
