package kiosk.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiosk.emulator.OwnerOnlyFile;
import kiosk.local.function.Invoker;

/**
 * Seeds a first start from a seed file: steps that are requests through the gateway (so they
 * pass the same authorizers and validation a client does) or direct invocations of a function
 * (as an operator would invoke one not on the API). Values like {@code {{admin.password}}} are
 * filled in; a step may save a JSON pointer of its answer as a new value. The file names its
 * accounts ("admin", "shopper", ...); each one's password is generated once, kept owner-only in
 * the data directory ({@code <name>.json}), and printed at every start with the file's notes.
 */
final class Seeder {

    /** A seeded account's local credentials. */
    record Account(String email, String password) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JsonNode seed;
    private final URI gateway;
    private final Invoker functions;
    private final HttpClient http = HttpClient.newHttpClient();

    Seeder(Path seedFile, URI gateway, Invoker functions) throws IOException {
        this.seed = JSON.readTree(seedFile.toFile());
        this.gateway = gateway;
        this.functions = functions;
    }

    /**
     * Each account the seed file names, in its order, with its credentials: kept ones when the
     * data directory has them, new ones otherwise. A file without "accounts" has its "admin".
     */
    Map<String, Account> accounts(Path dataDirectory) throws IOException {
        Map<String, Account> accounts = new LinkedHashMap<>();
        JsonNode declared = seed.has("accounts") ? seed.get("accounts")
                : JSON.createObjectNode().set("admin", seed.path("admin"));
        for (Map.Entry<String, JsonNode> entry : declared.properties()) {
            String name = entry.getKey();
            if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("seed account names are lower-case words: " + name);
            }
            accounts.put(name, account(name, entry.getValue().path("email").asText(name + "@kiosk.local"), dataDirectory));
        }
        return accounts;
    }

    /** What the seed file asks to print beside the accounts, such as a promotion code to try. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        seed.path("notes").forEach(note -> notes.add(note.asText()));
        return notes;
    }

    private static Account account(String name, String email, Path dataDirectory) throws IOException {
        Path file = dataDirectory == null ? null : dataDirectory.resolve(name + ".json");
        if (file != null && Files.isRegularFile(file)) {
            Map<String, String> kept = JSON.readValue(file.toFile(), new TypeReference<>() { });
            return new Account(kept.get("email"), kept.get("password"));
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Account account = new Account(email, password.toString());
        if (file != null) {
            OwnerOnlyFile.write(file, JSON.writeValueAsString(Map.of("email", account.email(), "password", account.password())));
        }
        return account;
    }

    /** Runs every step; the first that does not answer as expected stops the seeding with its answer. */
    int run(Map<String, Account> accounts) throws IOException, InterruptedException {
        Map<String, String> values = new HashMap<>();
        accounts.forEach((name, account) -> {
            values.put(name + ".email", account.email());
            values.put(name + ".password", account.password());
        });
        int steps = 0;
        for (JsonNode step : seed.path("steps")) {
            JsonNode answer;
            if (step.has("invoke")) {
                byte[] result = functions.invoke(step.get("invoke").asText(), JSON.writeValueAsBytes(fill(step.get("event"), values)));
                answer = result == null ? JSON.nullNode() : JSON.readTree(result);
            } else {
                answer = request(step, values);
            }
            for (Iterator<Map.Entry<String, JsonNode>> saves = step.path("save").fields(); saves.hasNext(); ) {
                Map.Entry<String, JsonNode> save = saves.next();
                values.put(save.getKey(), answer.at(save.getValue().asText()).asText());
            }
            steps++;
        }
        return steps;
    }

    private JsonNode request(JsonNode step, Map<String, String> values) throws IOException, InterruptedException {
        String[] route = step.path("request").asText().split(" ", 2);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(route[1]))
                .method(route[0], step.has("body")
                        ? HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(fill(step.get("body"), values)))
                        : HttpRequest.BodyPublishers.noBody())
                .header("content-type", "application/json");
        if (step.has("bearer")) {
            request.header("authorization", "Bearer " + fill(step.get("bearer"), values).asText());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int expected = step.path("expect").asInt(200);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("seed step " + step.path("request").asText() + " answered " + response.statusCode()
                    + ", not " + expected + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A copy of a JSON value with each {{name}} in its strings replaced. */
    private static JsonNode fill(JsonNode value, Map<String, String> values) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value.isTextual()) {
            String text = value.asText();
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("{{" + v.getKey() + "}}", v.getValue());
            }
            return TextNode.valueOf(text);
        }
        if (value.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            value.properties().forEach(e -> copy.set(e.getKey(), fill(e.getValue(), values)));
            return copy;
        }
        if (value.isArray()) {
            var copy = JSON.createArrayNode();
            value.forEach(v -> copy.add(fill(v, values)));
            return copy;
        }
        return value;
    }
}
