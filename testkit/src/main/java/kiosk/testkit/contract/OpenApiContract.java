package kiosk.testkit.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiosk.emulator.Template;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI 3.1 document as the contract of the responses a route gives: the route must be in
 * it, the status declared (exactly, else as {@code 4XX}/{@code 5XX}, else {@code default}), a body
 * present exactly when the response declares content (never on a 204 or 304), its content type
 * one of the declared media types, and a JSON body valid against that media type's schema, a JSON
 * Schema 2020-12 (with OpenAPI's vocabulary: {@code example}, {@code discriminator}...) whose
 * {@code $ref}s resolve against the whole document. Thread-safe: compiled schemas are cached per
 * operation, status and media type.
 */
public final class OpenApiContract {

    /** The document's name for the schema registry, which never fetches it: the parsed text is mapped to it. */
    private static final String BASE = "https://kiosk.invalid/openapi.json";
    private static final int BODY_SHOWN = 2048;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(Path file, JsonNode document) {
        this.file = file;
        this.document = document;
        String text = JSON.writeValueAsString(document);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(BASE, text)));
    }

    /** The project's api/openapi.yaml, beside template.yaml. */
    public static OpenApiContract project() {
        return load(Template.projectRoot().resolve("api").resolve("openapi.yaml"));
    }

    /** An OpenAPI 3.1 document in YAML (or JSON, which is YAML); IllegalArgumentException if it is not one. */
    public static OpenApiContract load(Path file) {
        JsonNode document;
        try {
            document = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (document == null || !document.path("openapi").asString("").startsWith("3.1.")) {
            throw new IllegalArgumentException(file + " is not an OpenAPI 3.1 document (openapi: "
                    + (document == null ? "nothing" : document.path("openapi").asString("none")) + ")");
        }
        return new OpenApiContract(file.toAbsolutePath(), document);
    }

    public Path file() {
        return file;
    }

    /** Whether the document has the route, as API Gateway names it: {@code "GET /products/{id}"}. */
    public boolean covers(String routeKey) {
        return operationPointer(routeKey) != null;
    }

    /**
     * Every way this response breaks the document; {@code headers} are lower-cased, as API
     * Gateway's payload 2.0 gives them, and an empty body is no body.
     */
    public Verdict check(String routeKey, int status, Map<String, String> headers, String body) {
        List<String> problems = new ArrayList<>();
        String answered = body == null ? "" : body;
        String operation = operationPointer(routeKey);
        if (operation == null) {
            problems.add("the route is not in " + file.getFileName() + " (no operation " + routeKey + ")");
            return new Verdict(routeKey, status, problems, answered);
        }
        JsonNode responses = document.at(operation + "/responses");
        String statusKey = statusKey(responses, status);
        if (statusKey == null) {
            List<String> declared = new ArrayList<>();
            responses.propertyNames().forEach(declared::add);
            problems.add("status " + status + " is not declared (declared: " + String.join(", ", declared) + ")");
            return new Verdict(routeKey, status, problems, answered);
        }
        Resolved response = resolve(new Resolved(operation + "/responses/" + escape(statusKey),
                responses.get(statusKey)));
        JsonNode content = response.node().path("content");
        boolean declaresContent = content.isObject() && !content.isEmpty();
        if (answered.isEmpty()) {
            if (declaresContent && requiresBody(content)) {
                problems.add("no body, but the " + statusKey + " response declares content with a schema ("
                        + String.join(", ", mediaTypes(content)) + ")");
            }
            return new Verdict(routeKey, status, problems, answered);
        }
        if (status == 204 || status == 304) {
            problems.add("a body on a " + status + ", which has none");
            return new Verdict(routeKey, status, problems, answered);
        }
        if (!declaresContent) {
            problems.add("a body, but the " + statusKey + " response declares no content");
            return new Verdict(routeKey, status, problems, answered);
        }
        String contentType = headers == null ? null : headers.get("content-type");
        String mediaType = contentType == null ? null : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String declared = mediaType == null ? null : declaredMediaType(content, mediaType);
        if (declared == null) {
            problems.add("content-type " + (contentType == null ? "missing" : contentType) + " is not among the "
                    + statusKey + " response's media types (" + String.join(", ", mediaTypes(content)) + ")");
            return new Verdict(routeKey, status, problems, answered);
        }
        JsonNode schemaNode = content.get(declared).get("schema");
        if (schemaNode == null || !isJson(mediaType)) {
            return new Verdict(routeKey, status, problems, answered);
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(answered);
        } catch (JacksonException e) {
            problems.add("the " + mediaType + " body is not JSON: " + e.getOriginalMessage());
            return new Verdict(routeKey, status, problems, answered);
        }
        String pointer = response.pointer() + "/content/" + escape(declared) + "/schema";
        Schema schema = schemas.computeIfAbsent(routeKey + " " + statusKey + " " + declared, key -> {
            Schema compiled = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
            // Whole before it is shared: responses are checked from many threads at once.
            compiled.initializeValidators();
            return compiled;
        });
        for (Error error : schema.validate(instance)) {
            String location = error.getInstanceLocation().toString();
            problems.add((location.isEmpty() ? "(root)" : location) + ": " + error.getMessage());
        }
        return new Verdict(routeKey, status, problems, answered);
    }

    /** One response checked: what, if anything, breaks the document. */
    public record Verdict(String routeKey, int status, List<String> problems, String body) {

        public Verdict {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }

        /** The route, status, every problem and the body (its first 2 KB): a test failure's message. */
        public String report() {
            StringBuilder report = new StringBuilder(routeKey).append(" answered ").append(status)
                    .append(", against api/openapi.yaml:");
            problems.forEach(p -> report.append("\n  - ").append(p));
            report.append("\n  body: ");
            if (body.isEmpty()) {
                report.append("(none)");
            } else if (body.length() > BODY_SHOWN) {
                report.append(body, 0, BODY_SHOWN).append("... (").append(body.length() - BODY_SHOWN).append(" more characters)");
            } else {
                report.append(body);
            }
            return report.toString();
        }
    }

    /** A node of the document and its JSON Pointer, after following any {@code $ref}. */
    private record Resolved(String pointer, JsonNode node) {
    }

    private Resolved resolve(Resolved start) {
        Resolved current = start;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = current.node().get("$ref");
            if (ref == null || !ref.isString()) {
                return current;
            }
            String target = ref.asString();
            if (!target.startsWith("#")) {
                throw new IllegalArgumentException(file + ": only references inside the document are supported: " + target);
            }
            JsonNode node = document.at(target.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException(file + ": " + current.pointer() + " refers to nothing: " + target);
            }
            current = new Resolved(target.substring(1), node);
        }
        throw new IllegalArgumentException(file + ": a cycle of references from " + start.pointer());
    }

    private String operationPointer(String routeKey) {
        if (routeKey == null) {
            return null;
        }
        String[] parts = routeKey.split(" ", 2);
        if (parts.length < 2) {
            return null;
        }
        String pointer = "/paths/" + escape(parts[1]);
        JsonNode item = document.at(pointer);
        if (!item.isObject()) {
            return null;
        }
        Resolved pathItem = resolve(new Resolved(pointer, item));
        String method = parts[0].toLowerCase(Locale.ROOT);
        return pathItem.node().get(method) instanceof JsonNode operation && operation.isObject()
                ? pathItem.pointer() + "/" + method : null;
    }

    /** The response key a status answers to: exact, then its class ({@code 4XX}), then {@code default}. */
    private static String statusKey(JsonNode responses, int status) {
        String exact = Integer.toString(status);
        String range = (status / 100) + "XX";
        for (String candidate : List.of(exact, range, range.toLowerCase(Locale.ROOT), "default")) {
            if (responses.has(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The content key the media type matches: exactly, then {@code type/*}, then {@code *}{@code /*}. */
    private static String declaredMediaType(JsonNode content, String mediaType) {
        String wildcard = mediaType.substring(0, mediaType.indexOf('/') + 1) + "*";
        for (String wanted : List.of(mediaType, wildcard, "*/*")) {
            for (String key : mediaTypes(content)) {
                if (key.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return key;
                }
            }
        }
        return null;
    }

    private static List<String> mediaTypes(JsonNode content) {
        List<String> keys = new ArrayList<>();
        content.propertyNames().forEach(keys::add);
        return keys;
    }

    /** A declared schema means a body is expected; a media type with no schema allows none. */
    private static boolean requiresBody(JsonNode content) {
        return content.values().stream().anyMatch(media -> media.has("schema"));
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A JSON Pointer reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
