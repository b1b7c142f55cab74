package kiosk.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kiosk.shared.json.Json;
import org.junit.jupiter.api.Test;

class LogTest {

    @Test
    void writesOneParsableJsonLineWhateverTheFieldsHold() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String hostile = "quote\" backslash\\ newline\n tab\t nul\u0000 sep\u2028 end";
        try (Log.Scope ignored = Log.scope("lambda-1", "api-1")) {
            Log.info(hostile, "field", hostile, "count", 3, "flag", true);
        } finally {
            Log.redirect(previous);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, output.strip().split("\n").length, output);
        JsonNode line = Json.MAPPER.readTree(output);
        assertEquals(hostile, line.path("message").asText());
        assertEquals(hostile, line.path("field").asText());
        assertEquals(3, line.path("count").asInt());
        assertEquals(true, line.path("flag").asBoolean());
        assertEquals("lambda-1", line.path("requestId").asText());
        assertEquals("INFO", line.path("level").asText());
    }
}
