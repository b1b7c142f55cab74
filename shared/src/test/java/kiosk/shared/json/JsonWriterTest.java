package kiosk.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    enum Colour { RED }

    record Inner(long amount, String currency) {
    }

    record Outer(String text, Integer missing, Inner inner, List<Inner> list, Colour colour, boolean flag,
                 Map<String, Object> extra) {
    }

    @Test
    void writesWhatJacksonReadsBackExactly() throws Exception {
        String hostile = "q\" b\\ n\n r\r t\t nul\u0000 bell\u0007 ls\u2028 ps\u2029 emoji\uD83D\uDE00 </script>";
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("k", hostile);
        extra.put("dropped", null);
        Outer value = new Outer(hostile, null, new Inner(Long.MAX_VALUE, "EUR"),
                List.of(new Inner(1, "USD"), new Inner(-2, "JPY")), Colour.RED, true, extra);

        String json = JsonWriter.write(value);
        JsonNode node = Json.MAPPER.readTree(json);

        assertEquals(hostile, node.path("text").asText());
        assertEquals(false, node.has("missing"), "null components are left out");
        assertEquals(Long.MAX_VALUE, node.path("inner").path("amount").asLong());
        assertEquals("JPY", node.path("list").get(1).path("currency").asText());
        assertEquals("RED", node.path("colour").asText());
        assertEquals(true, node.path("flag").asBoolean());
        assertEquals(hostile, node.path("extra").path("k").asText());
        assertEquals(false, node.path("extra").has("dropped"));
        assertEquals(-1, json.indexOf('\u2028'), "line separators are escaped");
    }

    @Test
    void refusesFloatingPoint() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Map.of("price", 19.99)));
    }
}
