package kiosk.local.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.local.stack.Blueprint.Route;
import org.junit.jupiter.api.Test;

/** The payload 2.0 encoder and decoder on their own: no socket, no function. */
class Payload20Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Payload20 PAYLOAD = new Payload20(JSON, "123456789012");
    private static final Instant NOW = Instant.parse("2026-11-21T10:05:30.123Z");
    private static final RouteTable.Match ITEM = new RouteTable.Match(new Route("GET", "/items/{id}", "ItemFunction", null),
            Map.of("id", "a b"));

    private static Payload20.Request request(Map<String, List<String>> headers, byte[] body) {
        return new Payload20.Request("GET", "/items/a%20b", "size=L&tag=x&tag=y&empty=&%zz=1", headers, body, "10.1.2.3",
                "HTTP/1.1");
    }

    @Test
    void theDomainPrefixIsTheHostsFirstLabelEvenAnEmptyOne() {
        assertEquals("shop", Payload20.domainPrefix("shop.example:3000"));
        assertEquals("localhost", Payload20.domainPrefix("localhost:3000"));
        assertEquals("127", Payload20.domainPrefix("127.0.0.1"));
        // String.split dropped these to no label at all, and the event's encoder failed.
        assertEquals("", Payload20.domainPrefix("."));
        assertEquals("", Payload20.domainPrefix(":"));
        assertEquals("", Payload20.domainPrefix(""));
    }

    @Test
    void anEventCarriesWhatApiGatewayPutsInIt() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Cookie", List.of("a=1; b=2", "c=3"));
        headers.put("X-Trace", List.of("one", "two"));
        headers.put("Host", List.of("shop.example:3000"));
        headers.put("User-Agent", List.of("kiosk-test/1"));
        JsonNode event = PAYLOAD.event(request(headers, new byte[0]), ITEM, "req-1", NOW);

        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /items/{id}", event.get("routeKey").asText());
        assertEquals("/items/a%20b", event.get("rawPath").asText());
        assertEquals("size=L&tag=x&tag=y&empty=&%zz=1", event.get("rawQueryString").asText());
        assertEquals(List.of("a=1", "b=2", "c=3"), JSON.convertValue(event.get("cookies"), List.class));
        assertEquals("one,two", event.get("headers").get("x-trace").asText(), "lower-cased, repeats comma-joined");
        assertNull(event.get("headers").get("cookie"), "cookies move out of the headers");
        assertEquals(Map.of("size", "L", "tag", "x,y", "empty", "", "%zz", "1"),
                JSON.convertValue(event.get("queryStringParameters"), Map.class), "a malformed escape stays as sent");
        assertEquals("a b", event.get("pathParameters").get("id").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
        assertNull(event.get("body"));

        JsonNode context = event.get("requestContext");
        assertEquals("123456789012", context.get("accountId").asText());
        assertEquals("shop.example:3000", context.get("domainName").asText());
        assertEquals("shop", context.get("domainPrefix").asText());
        assertEquals("GET", context.get("http").get("method").asText());
        assertEquals("/items/a%20b", context.get("http").get("path").asText());
        assertEquals("10.1.2.3", context.get("http").get("sourceIp").asText());
        assertEquals("kiosk-test/1", context.get("http").get("userAgent").asText());
        assertEquals("req-1", context.get("requestId").asText());
        assertEquals("$default", context.get("stage").asText());
        assertEquals("21/Nov/2026:10:05:30 +0000", context.get("time").asText());
        assertEquals(NOW.toEpochMilli(), context.get("timeEpoch").asLong());
    }

    @Test
    void textBodiesPassAsTheyAreAndOthersAsBase64() {
        JsonNode json = PAYLOAD.event(request(Map.of("Content-Type", List.of("application/json")),
                "{\"é\":1}".getBytes(StandardCharsets.UTF_8)), ITEM, "r", NOW);
        assertEquals("{\"é\":1}", json.get("body").asText());
        assertFalse(json.get("isBase64Encoded").asBoolean());

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        JsonNode binary = PAYLOAD.event(request(Map.of("Content-Type", List.of("image/png")), png), ITEM, "r", NOW);
        assertEquals(Base64.getEncoder().encodeToString(png), binary.get("body").asText());
        assertTrue(binary.get("isBase64Encoded").asBoolean());

        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28};
        JsonNode badText = PAYLOAD.event(request(Map.of("Content-Type", List.of("text/plain")), notUtf8), ITEM, "r", NOW);
        assertTrue(badText.get("isBase64Encoded").asBoolean(), "text that is not UTF-8 travels as base64");
    }

    @Test
    void aFormattedResultBecomesStatusHeadersCookiesAndBody() {
        String result = """
                {"statusCode":201,"headers":{"Content-Type":"image/png","X-One":"1"},
                 "multiValueHeaders":{"x-one":["2"],"vary":["a","b"]},
                 "cookies":["s=1; HttpOnly","t=2"],"body":"iVBORw==","isBase64Encoded":true}""";
        Payload20.Response response = PAYLOAD.response(result.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(201, response.status());
        assertEquals(List.of("image/png"), response.headers().get("content-type"));
        assertEquals(List.of("1", "2"), response.headers().get("x-one"));
        assertEquals(List.of("a", "b"), response.headers().get("vary"));
        assertEquals(List.of("s=1; HttpOnly", "t=2"), response.headers().get("set-cookie"));
        assertArrayEquals(Base64.getDecoder().decode("iVBORw=="), response.body());
    }

    @Test
    void anyOtherResultIsA200JsonBody() {
        Payload20.Response object = PAYLOAD.response("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals(200, object.status());
        assertEquals(List.of("application/json"), object.headers().get("content-type"));
        assertEquals("{\"hello\":\"world\"}", new String(object.body(), StandardCharsets.UTF_8));
        assertEquals("null", new String(PAYLOAD.response(null).orElseThrow().body(), StandardCharsets.UTF_8),
                "a void handler");
        assertEquals(200, PAYLOAD.response("not json".getBytes(StandardCharsets.UTF_8)).orElseThrow().status());
    }

    @Test
    void aResultThatIsNotAValidFormattedResponseIsRefused() {
        for (String bad : List.of("{\"statusCode\":99}", "{\"statusCode\":600}", "{\"statusCode\":\"abc\"}",
                "{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}")) {
            assertEquals(Optional.empty(), PAYLOAD.response(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
    }
}
