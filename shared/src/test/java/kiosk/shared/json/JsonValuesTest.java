package kiosk.shared.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void anEventReadsAsLambdasRuntimeClientReadsItForAMapHandler() throws IOException {
        Map<String, Object> event = read("{\"Records\":[{\"body\":\"{\\\"orderId\\\":\\\"o1\\\"}\",\"attributes\":{\"ApproximateReceiveCount\":\"2\"}}],"
                + "\"small\":7,\"large\":12345678901,\"huge\":123456789012345678901234567890,\"ratio\":0.5,"
                + "\"yes\":true,\"no\":false,\"nothing\":null,\"empty\":{},\"none\":[]}");

        assertEquals(List.of(Map.of("body", "{\"orderId\":\"o1\"}", "attributes", Map.of("ApproximateReceiveCount", "2"))), event.get("Records"));
        assertEquals(7, event.get("small"));
        assertEquals(12345678901L, event.get("large"));
        assertEquals(new BigInteger("123456789012345678901234567890"), event.get("huge"));
        assertEquals(0.5, event.get("ratio"));
        assertEquals(true, event.get("yes"));
        assertEquals(false, event.get("no"));
        assertNull(event.get("nothing"));
        assertEquals(true, event.containsKey("nothing"));
        assertEquals(Map.of(), event.get("empty"));
        assertEquals(List.of(), event.get("none"));
        assertEquals(Arrays.asList("Records", "small", "large", "huge", "ratio", "yes", "no", "nothing", "empty", "none"),
                List.copyOf(event.keySet()), "in document order");
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() {
        // Which of the two a reader takes is a guess: a log naming the first and a grant of the last disagree.
        assertThrows(IOException.class, () -> read("{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}"));
        assertThrows(IOException.class, () -> read("{\"outer\":{\"k\":1,\"k\":2}}"));
    }

    @Test
    void anEmptyEventOrNullIsNoMap() throws IOException {
        assertNull(read(""));
        assertNull(read("null"));
    }

    @Test
    void anythingButOneObjectIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> read("[1]"));
        assertThrows(IllegalArgumentException.class, () -> read("\"text\""));
        assertThrows(IllegalArgumentException.class, () -> read("{} {}"));
        assertThrows(IOException.class, () -> read("{\"open\": "));
    }

    private static Map<String, Object> read(String json) throws IOException {
        return JsonValues.readObject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
