package kiosk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.emulator.http.HttpListener;

/**
 * Secrets Manager's GetSecretValue on a local port, over HTTP with the AWS JSON protocol, for the
 * SDK's real client to talk to (DynamoDB Local and ElasticMQ have no Secrets Manager). Versions
 * carry the AWSCURRENT and AWSPREVIOUS stages the way put-secret-value moves them.
 */
public final class SecretsManagerEndpoint implements AutoCloseable {

    private record Version(String id, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpListener server;
    private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private final String arnPrefix;

    private final AccessKeys keys;

    private SecretsManagerEndpoint(String host, int port, String region, String account, AccessKeys keys)
            throws IOException {
        this.server = new HttpListener("secrets-manager", host, port, this::handle);
        this.keys = keys;
        this.arnPrefix = "arn:aws:secretsmanager:" + region + ":" + account + ":secret:";
    }

    /** On loopback, on a free port, answering requests signed with {@link #keys()}. */
    public static SecretsManagerEndpoint start() {
        return start("127.0.0.1", 0, LocalAws.REGION, LocalAws.ACCOUNT, AccessKeys.generate());
    }

    /**
     * On a given interface and port (0 for a free one), for a runner whose clients need a fixed
     * address; requests not signed with {@code keys} are refused.
     */
    public static SecretsManagerEndpoint start(String host, int port, String region, String account, AccessKeys keys) {
        try {
            SecretsManagerEndpoint endpoint = new SecretsManagerEndpoint(host, port, region, account, keys);
            endpoint.server.start();
            return endpoint;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " for Secrets Manager", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The credentials a client must sign with. */
    public AccessKeys keys() {
        return keys;
    }

    /** Like put-secret-value: the value becomes AWSCURRENT, the former current AWSPREVIOUS. Returns its version id. */
    public String put(String secretId, String value) {
        String id = UUID.randomUUID().toString();
        secrets.computeIfAbsent(secretId, k -> new CopyOnWriteArrayList<>()).add(new Version(id, value));
        return id;
    }

    /** GetSecretValue calls answered so far. */
    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!keys.carriedBy(exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestURI().getRawQuery())) {
            answer(exchange, 400, Map.of("__type", AccessKeys.REFUSAL_TYPE, "message", AccessKeys.REFUSAL_MESSAGE));
            return;
        }
        calls.incrementAndGet();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request;
        try {
            request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            answer(exchange, 400, Map.of("__type", "SerializationException", "message", "the body is not JSON"));
            return;
        }
        if (!"secretsmanager.GetSecretValue".equals(target) || request == null) {
            answer(exchange, 400, Map.of("__type", "InvalidRequestException",
                    "message", "this local Secrets Manager answers GetSecretValue only"));
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
        if (versions.isEmpty()) {
            answer(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                    "message", "Secrets Manager can't find the specified secret."));
            return;
        }
        if (index < 0) {
            answer(exchange, 400, Map.of("__type", "ResourceNotFoundException",
                    "message", "Secrets Manager can't find the specified secret value for staging label: " + stage));
            return;
        }
        Version version = versions.get(index);
        answer(exchange, 200, Map.of("ARN", arnPrefix + secretId, "Name", secretId, "VersionId", version.id(),
                "SecretString", version.value(), "VersionStages", List.of(stage)));
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        JsonAnswer.send(exchange, status, "application/x-amz-json-1.1", body);
    }

    @Override
    public void close() {
        server.close();
    }
}
