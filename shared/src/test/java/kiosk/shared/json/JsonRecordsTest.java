package kiosk.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * JsonRecords reads a body as Json.MAPPER (databind, the reader it replaces for bodies) reads it:
 * the same record, or the same refusal at the same place, for each document below.
 */
class JsonRecordsTest {

    record Money(Long amount, String currency) {
    }

    record Line(String sku, Integer quantity) {
    }

    record Body(String name, Integer count, Long amount, Boolean gift, List<String> lines, Money price, List<Line> items) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // what a client means
        "{\"name\":\"a\",\"count\":1,\"amount\":12345678901,\"gift\":true,\"lines\":[\"x\",\"y\"],"
                + "\"price\":{\"amount\":1999,\"currency\":\"EUR\"},\"items\":[{\"sku\":\"s\",\"quantity\":2}]}",
        "{}", "{\"name\":null,\"count\":null,\"lines\":null,\"price\":null,\"items\":null}", "{\"lines\":[]}",
        "{\"lines\":[null,\"a\"]}", "{\"name\":\"\\u00e9\\ud83d\\ude00\\ud800\"}", " {\"count\":-0} ", "{\"count\":-2147483648}",
        "{\"amount\":-9223372036854775808}", "{\"price\":{}}", "{\"items\":[{},{\"sku\":null}]}",
        // not one object
        "", " ", "null", "[]", "[{}]", "\"text\"", "5", "true", "{} {}", "{}{}", "{} []", "{} null",
        // not JSON
        "{", "{\"name\":}", "{\"name\":\"a\",}", "{'name':'a'}", "{name:\"a\"}", "{} x", "{\"count\":01}", "{\"count\":NaN}",
        "{\"name\":\"a\" /* c */}", "{\"name\":\"a\",\"name\":\"b\"}", "{\"price\":{\"amount\":1,\"amount\":2}}",
        "{\"count\":1e400}",
        // unknown fields, at any depth
        "{\"nome\":\"a\"}", "{\"Name\":\"a\"}", "{\"price\":{\"amount\":1,\"cents\":2}}", "{\"items\":[{\"sku\":\"s\",\"x\":[1]}]}",
        "{\"name\":\"a\",\"a/b~c\":1}",
        // wrong types
        "{\"name\":5}", "{\"name\":5.5}", "{\"name\":true}", "{\"name\":{}}", "{\"name\":[\"a\"]}", "{\"count\":\"5\"}",
        "{\"count\":1.0}", "{\"count\":1e2}", "{\"count\":true}", "{\"count\":[]}", "{\"count\":\"\"}", "{\"amount\":2.5}",
        "{\"gift\":1}", "{\"gift\":\"true\"}", "{\"lines\":\"a\"}", "{\"lines\":[1]}", "{\"lines\":[\"a\",[\"b\"]]}",
        "{\"lines\":{}}", "{\"price\":5}", "{\"price\":[]}", "{\"price\":{\"amount\":\"1\"}}", "{\"items\":[{\"quantity\":\"2\"}]}",
        "{\"items\":[1]}", "{\"items\":{}}",
        // out of range
        "{\"count\":2147483648}", "{\"count\":-2147483649}", "{\"count\":99999999999999999999}",
        "{\"amount\":9223372036854775808}", "{\"items\":[{\"quantity\":12345678901}]}",
        "{\"count\":123456789012345678901234567890123456789}", "{\"name\":1234567890123456789012345678901234567890}",
        "{\"count\":1.234567890123456789012345678901234567890}",
        // past the limits
        "{\"lines\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    })
    void readsEachBodyAsDatabindReadsIt(String json) {
        assertEquals(databind(json), ours(json), json);
    }

    @Test
    void readsTheRecordsValues() throws IOException {
        Body body = JsonRecords.read(bytes("{\"lines\":[\"x\"],\"price\":{\"amount\":5,\"currency\":\"EUR\"},\"gift\":false}"), Body.class);
        assertEquals(new Body(null, null, null, false, List.of("x"), new Money(5L, "EUR"), null), body);
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedByTheParser() {
        String json = "{\"name\":\"" + "a".repeat(64 * 1024 + 1) + "\"}";
        assertThrows(StreamConstraintsException.class, () -> JsonRecords.read(bytes(json), Body.class));
    }

    record Unsupported(java.math.BigDecimal amount) {
    }

    @Test
    void aComponentItCannotReadIsAProgrammingErrorNamedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> JsonRecords.read(bytes("{}"), Unsupported.class));
    }

    /** The outcome, as a client would see it: the record, or the refusal and where. */
    private static String ours(String json) {
        try {
            return "read " + JsonRecords.read(bytes(json), Body.class);
        } catch (JsonRecords.Mismatch e) {
            return switch (e.kind()) {
                case NOT_AN_OBJECT -> "not an object";
                default -> e.kind() + " " + pointer(e.path());
            };
        } catch (StreamConstraintsException e) {
            return "past the limits";
        } catch (IOException e) {
            return "malformed";
        }
    }

    /**
     * The same, from Json.MAPPER, classified as BodyReader classified its exceptions, but for two
     * things databind hid behind "is invalid" at the enclosing object: a number out of range for its
     * field (now said, at the field) and a key twice in a nested object (now malformed, as a key
     * twice at the top always was).
     */
    private static String databind(String json) {
        try {
            Body body = Json.MAPPER.readValue(bytes(json), Body.class);
            return body == null ? "not an object" : "read " + body;
        } catch (UnrecognizedPropertyException e) {
            return "UNKNOWN_FIELD " + pointer(e);
        } catch (StreamConstraintsException e) {
            return "past the limits";
        } catch (MismatchedInputException e) {
            return e.getPath().isEmpty() ? "not an object" : "WRONG_TYPE " + pointer(e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException) {
                return "OUT_OF_RANGE " + pointer(e);
            }
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException) {
                return "malformed";
            }
            return "INVALID " + pointer(e);
        } catch (JacksonException e) {
            return "malformed";
        } catch (IOException e) {
            return "malformed";
        }
    }

    private static String pointer(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.add(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer(path);
    }

    private static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        path.forEach(step -> pointer.append('/').append(step));
        return pointer.toString();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
