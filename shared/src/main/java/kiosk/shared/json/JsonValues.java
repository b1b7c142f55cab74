package kiosk.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an event as Lambda's runtime client reads one for a {@code Map<String, Object>} handler:
 * objects as maps in document order, arrays as lists, whole numbers as Integer, Long or BigInteger
 * (the smallest that holds them), other numbers as Double, strings, booleans and nulls as
 * themselves. With jackson-core's streaming parser alone: no databind, none of the runtime
 * client's own serializers.
 */
public final class JsonValues {

    /** A key twice in one object is refused: which of the two a reader takes is a guess. */
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonValues() {
    }

    /** The object the stream holds, or null for an empty stream or a JSON null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the event is not a JSON object but " + first);
            }
            Map<String, Object> value = (Map<String, Object>) value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("the event has more after its object");
            }
            return value;
        }
    }

    /**
     * The value at the parser's current token, read to its end: maps in document order, lists,
     * strings, numbers as {@link JsonParser#getNumberValue()} gives them (Integer, Long or
     * BigInteger; Double), booleans and nulls. HttpEvents reads an event's authorizer context with it.
     */
    public static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + parser.currentToken() + " at " + parser.currentLocation());
        };
    }
}
