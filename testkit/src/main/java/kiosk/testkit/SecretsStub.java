package kiosk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.shared.json.Json;
import kiosk.shared.json.JsonWriter;

/**
 * The GetSecretValue call of Secrets Manager, over HTTP with the AWS JSON protocol, for the SDK's
 * real client to talk to: there is no Secrets Manager in DynamoDB Local or ElasticMQ. Versions
 * carry the AWSCURRENT and AWSPREVIOUS stages the way put-secret-value moves them.
 */
public final class SecretsStub implements AutoCloseable {

    private record Version(String id, String value) {
    }

    private final HttpServer server;
    private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private SecretsStub(HttpServer server) {
        this.server = server;
    }

    public static SecretsStub start() {
        return start("127.0.0.1", 0);
    }

    /** On a given interface and port (0 for a free one), for a runner whose clients need a fixed address. */
    public static SecretsStub start(String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            SecretsStub stub = new SecretsStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Secrets Manager stub", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Like put-secret-value: the value becomes AWSCURRENT, the former current AWSPREVIOUS. Returns its version id. */
    public String put(String secretId, String value) {
        String id = UUID.randomUUID().toString();
        secrets.computeIfAbsent(secretId, k -> new ArrayList<>()).add(new Version(id, value));
        return id;
    }

    /** GetSecretValue calls answered so far. */
    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        if (!"secretsmanager.GetSecretValue".equals(target)) {
            answer(exchange, 400, Map.of("__type", "InvalidRequestException", "message", "only GetSecretValue is stubbed"));
            return;
        }
        String secretId = request.path("SecretId").asText();
        String stage = request.path("VersionStage").asText("AWSCURRENT");
        List<Version> versions = secrets.getOrDefault(secretId, List.of());
        int index = switch (stage) {
            case "AWSCURRENT" -> versions.size() - 1;
            case "AWSPREVIOUS" -> versions.size() - 2;
            default -> -1;
        };
        if (index < 0) {
            answer(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                    "message", "Secrets Manager can't find the specified secret value for staging label: " + stage));
            return;
        }
        Version version = versions.get(index);
        answer(exchange, 200, Map.of("ARN", "arn:aws:secretsmanager:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT
                        + ":secret:" + secretId, "Name", secretId, "VersionId", version.id(),
                "SecretString", version.value(), "VersionStages", List.of(stage)));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JsonWriter.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
