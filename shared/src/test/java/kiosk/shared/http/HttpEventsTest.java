package kiosk.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kiosk's reading and writing of payload 2.0 must agree with Lambda's own serializers. */
class HttpEventsTest {

    static Stream<Path> httpEventFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("..", "events"))) {
            files = all.filter(f -> f.toString().endsWith(".json")).filter(HttpEventsTest::isHttpEvent).sorted().toList();
        }
        assertTrue(files.size() >= 30, "the HTTP events of events/: " + files.size());
        return files.stream();
    }

    private static boolean isHttpEvent(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("\"rawPath\"") && !text.contains("\"type\": \"REQUEST\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("httpEventFiles")
    void eachEventFileReadsAsLambdasSerializerReadsIt(Path file) throws IOException {
        APIGatewayV2HTTPEvent expected = EventLoader.loadApiGatewayHttpEvent(file.toString());
        APIGatewayV2HTTPEvent read;
        try (InputStream in = Files.newInputStream(file)) {
            read = HttpEvents.read(in);
        }
        assertNotNull(read.getRequestContext().getHttp().getMethod());
        assertEquals(expected, read);
        assertEquals(expected, HttpEvents.read(bytes(HttpEvents.toJson(read))), "written and read back");
    }

    @Test
    void textsWithEscapesAndNonAsciiSurviveAndUnknownFieldsAreSkipped() throws IOException {
        String json = """
                {"version":"2.0","future":{"nested":[1,{"a":null}]},"rawPath":"/caf\\u00e9/\\ud83d\\ude00",
                 "headers":{"x-quote":"a\\"b\\\\c","x-empty":""},"cookies":["a=1","b=2"],"body":"{\\"name\\":\\"T\\u00f6pfe \\u2028\\"}",
                 "isBase64Encoded":false,"requestContext":{"timeEpoch":1795255205000,"requestId":"r-1",
                 "http":{"method":"POST","path":"/x","sourceIp":"192.0.2.7","extra":true},
                 "authorizer":{"lambda":{"userId":"u-1","roles":"admin,shopper","n":7,"list":["a"],"nested":{"k":false}}}}}
                """;
        APIGatewayV2HTTPEvent event = HttpEvents.read(bytes(json));
        assertEquals(EventLoaderLike.read(json), event);
        assertEquals("/café/😀", event.getRawPath());
        assertEquals("a\"b\\c", event.getHeaders().get("x-quote"));
        assertEquals("{\"name\":\"Töpfe \u2028\"}", event.getBody());
        assertEquals(1795255205000L, event.getRequestContext().getTimeEpoch());
        assertEquals(Map.of("userId", "u-1", "roles", "admin,shopper", "n", 7, "list", List.of("a"), "nested", Map.of("k", false)),
                event.getRequestContext().getAuthorizer().getLambda());
    }

    @Test
    void whatIsNotAnEventIsAnErrorNotAHalfReadEvent() {
        assertThrows(IOException.class, () -> HttpEvents.read(bytes("[]")));
        assertThrows(IOException.class, () -> HttpEvents.read(bytes("{\"headers\":[\"a\"]}")));
        assertThrows(IOException.class, () -> HttpEvents.read(bytes("{\"rawPath\":{\"a\":1}}")));
        assertThrows(IOException.class, () -> HttpEvents.read(bytes("{\"rawPath\":\"/a\"")));
    }

    @Test
    void theAnswerReadsBackThroughLambdasSerializer() throws IOException {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(201);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/problem+json");
        headers.put("etag", "\"3-abc\"");
        response.setHeaders(headers);
        response.setCookies(List.of("sid=1; HttpOnly"));
        response.setMultiValueHeaders(Map.of("vary", List.of("origin", "accept")));
        response.setBody("{\"title\":\"Töpfe \\\" \\\\ \u2028 \u0001 😀\"}");
        response.setIsBase64Encoded(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpEvents.write(response, out);
        APIGatewayV2HTTPResponse read = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class,
                getClass().getClassLoader()).fromJson(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(response, read);

        APIGatewayV2HTTPResponse empty = new APIGatewayV2HTTPResponse();
        empty.setStatusCode(204);
        out.reset();
        HttpEvents.write(empty, out);
        assertEquals("{\"statusCode\":204,\"isBase64Encoded\":false}", out.toString(StandardCharsets.UTF_8));
    }

    private static InputStream bytes(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Lambda's serializer on a string rather than a file. */
    private static final class EventLoaderLike {
        static APIGatewayV2HTTPEvent read(String json) {
            return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HttpEventsTest.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
