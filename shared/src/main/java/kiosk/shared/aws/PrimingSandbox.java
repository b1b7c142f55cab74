package kiosk.shared.aws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.json.JsonWriter;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * The items a primer has put, in memory and for the length of one primer's run: a primer seeds
 * the item its request should find through the store's own write (answered from memory, never
 * sent), and its request's reads find it here. So the primed path is the one a real request takes
 * most, the item found, mapped and answered, not the 404 of a key that names nothing, and the
 * SDK has unmarshalled an item, not only an empty answer.
 *
 * <p>Only what a primer put is here, so a read that finds nothing here goes out as usual. A
 * GetItem or BatchGetItem finds the items whose attributes equal its key's. A Query or Scan of a
 * table the primer wrote to answers every item put there, whatever its key condition: a primer
 * writes only what its own read should find, and evaluating key conditions here would be a second
 * DynamoDB. An update or delete of an item put here succeeds, its condition taken to hold, and
 * answers the item as it was put (it is not applied); of any other key it is answered as for an
 * item that is not there (see {@link PrimingHttpClient}). Emptied when each primer's run ends
 * ({@link kiosk.shared.lambda.SnapStart}), so nothing a primer made outlives it into a snapshot.
 *
 * <p>It reads and writes JSON with the SDK's own tree (json-utils, which every JSON-protocol
 * client carries), not Jackson's databind: the authorizer's package has no databind.
 */
final class PrimingSandbox {

    private static final JsonNodeParser PARSER = JsonNode.parser();
    /** Each table's items, as the JSON text of each attribute's value by attribute name. */
    private static final Map<String, List<Map<String, String>>> ITEMS = new LinkedHashMap<>();

    static {
        // What one primer's round put is gone before the next round and before the snapshot.
        // Registered here, on first use while priming, so no function pays for it unprimed.
        SnapStart.afterEachRound(PrimingSandbox::clear);
    }

    private PrimingSandbox() {
    }

    static synchronized void clear() {
        ITEMS.clear();
    }

    static synchronized boolean isEmpty() {
        return ITEMS.isEmpty();
    }

    /** Keeps the items a TransactWriteItems puts: a primer's transaction is answered as one that won. */
    static synchronized void putTransaction(byte[] request) {
        for (JsonNode step : PARSER.parse(request).field("TransactItems").map(JsonNode::asArray).orElse(List.of())) {
            Optional<JsonNode> put = step.field("Put");
            Optional<JsonNode> item = put.flatMap(p -> p.field("Item")).filter(JsonNode::isObject);
            if (item.isPresent()) {
                keep(text(put.get(), "TableName"), attributes(item.get()));
            }
        }
    }

    /** Whether a primer put an item into the table this request names. */
    static synchronized boolean holdsTableOf(byte[] request) {
        return !ITEMS.isEmpty() && ITEMS.containsKey(text(PARSER.parse(request), "TableName"));
    }

    /** Keeps a PutItem's item (once: the same item put again in a round is kept once). */
    static synchronized void put(byte[] request) {
        JsonNode body = PARSER.parse(request);
        Optional<JsonNode> item = body.field("Item").filter(JsonNode::isObject);
        if (item.isEmpty()) {
            return;
        }
        keep(text(body, "TableName"), attributes(item.get()));
    }

    private static void keep(String table, Map<String, String> attributes) {
        List<Map<String, String>> items = ITEMS.computeIfAbsent(table, t -> new ArrayList<>());
        items.remove(attributes);
        items.add(attributes);
    }

    /**
     * The answer to a read of what a primer put, or empty when it finds nothing here (the read
     * then goes out). {@code operation}: GetItem, BatchGetItem, Query or Scan.
     */
    static synchronized Optional<byte[]> answer(String operation, byte[] request) {
        if (ITEMS.isEmpty()) {
            return Optional.empty();
        }
        JsonNode body = PARSER.parse(request);
        StringBuilder answer = new StringBuilder(512);
        switch (operation) {
            case "GetItem" -> {
                Optional<Map<String, String>> item = find(text(body, "TableName"), body.field("Key"));
                if (item.isEmpty()) {
                    return Optional.empty();
                }
                answer.append("{\"Item\":");
                write(answer, item.get());
                answer.append('}');
            }
            case "BatchGetItem" -> {
                answer.append("{\"Responses\":{");
                boolean found = false;
                boolean firstTable = true;
                for (Map.Entry<String, JsonNode> table : body.field("RequestItems").map(JsonNode::asObject).orElse(Map.of()).entrySet()) {
                    answer.append(firstTable ? "" : ",");
                    firstTable = false;
                    JsonWriter.string(answer, table.getKey());
                    answer.append(":[");
                    boolean firstItem = true;
                    for (JsonNode key : table.getValue().field("Keys").map(JsonNode::asArray).orElse(List.of())) {
                        Optional<Map<String, String>> item = find(table.getKey(), Optional.of(key));
                        if (item.isPresent()) {
                            answer.append(firstItem ? "" : ",");
                            firstItem = false;
                            found = true;
                            write(answer, item.get());
                        }
                    }
                    answer.append(']');
                }
                if (!found) {
                    return Optional.empty();
                }
                answer.append("},\"UnprocessedKeys\":{}}");
            }
            case "Query", "Scan" -> {
                List<Map<String, String>> items = ITEMS.get(text(body, "TableName"));
                if (items == null) {
                    return Optional.empty();
                }
                answer.append("{\"Items\":[");
                for (int i = 0; i < items.size(); i++) {
                    answer.append(i == 0 ? "" : ",");
                    write(answer, items.get(i));
                }
                answer.append("],\"Count\":").append(items.size()).append(",\"ScannedCount\":").append(items.size()).append('}');
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer to an UpdateItem or DeleteItem of an item a primer put, or empty when it names
     * none. Its condition is taken to hold (the primer seeded what its request expects) and the
     * item is left as it was put: the answer returns it as the new or old values when asked to.
     */
    static synchronized Optional<byte[]> change(byte[] request) {
        if (ITEMS.isEmpty()) {
            return Optional.empty();
        }
        JsonNode body = PARSER.parse(request);
        Optional<Map<String, String>> item = find(text(body, "TableName"), body.field("Key"));
        if (item.isEmpty()) {
            return Optional.empty();
        }
        String returnValues = text(body, "ReturnValues");
        if (returnValues.isEmpty() || returnValues.equals("NONE")) {
            return Optional.of("{}".getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder answer = new StringBuilder(512).append("{\"Attributes\":");
        write(answer, item.get());
        return Optional.of(answer.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The item whose attributes equal every part of the key, if a primer put one in this table. */
    private static Optional<Map<String, String>> find(String table, Optional<JsonNode> key) {
        if (key.isEmpty() || !key.get().isObject() || key.get().asObject().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> wanted = attributes(key.get());
        // The newest first: a put of the same key again (a cart's next version) replaces the last.
        List<Map<String, String>> items = ITEMS.getOrDefault(table, List.of());
        for (int i = items.size() - 1; i >= 0; i--) {
            Map<String, String> item = items.get(i);
            if (wanted.entrySet().stream().allMatch(part -> part.getValue().equals(item.get(part.getKey())))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> attributes(JsonNode object) {
        Map<String, String> attributes = new LinkedHashMap<>();
        object.asObject().forEach((name, value) -> {
            StringBuilder text = new StringBuilder();
            json(text, value);
            attributes.put(name, text.toString());
        });
        return attributes;
    }

    private static void write(StringBuilder out, Map<String, String> item) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> attribute : item.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            JsonWriter.string(out, attribute.getKey());
            out.append(':').append(attribute.getValue());
        }
        out.append('}');
    }

    /** JSON text of a parsed value: one canonical form, so equal values compare equal as text. */
    private static void json(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : node.asObject().entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                JsonWriter.string(out, field.getKey());
                out.append(':');
                json(out, field.getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            List<JsonNode> values = node.asArray();
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",");
                json(out, values.get(i));
            }
            out.append(']');
        } else if (node.isString()) {
            JsonWriter.string(out, node.asString());
        } else if (node.isNumber()) {
            out.append(node.asNumber());
        } else if (node.isBoolean()) {
            out.append(node.asBoolean());
        } else {
            out.append("null");
        }
    }

    private static String text(JsonNode body, String field) {
        return body.field(field).filter(JsonNode::isString).map(JsonNode::asString).orElse("");
    }
}
