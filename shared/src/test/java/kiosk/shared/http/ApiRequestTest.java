package kiosk.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.UnauthorizedException;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    record Body(String name, Integer count) implements Validated {
        @Override
        public void validate(Checks checks) {
            checks.text(name, "/name", 1, 10);
            if (checks.present(count, "/count")) {
                checks.range(count, 0, 5, "/count");
            }
        }
    }

    @Test
    void readsTheCallerFromTheLambdaAuthorizerContext() {
        assertEquals(Optional.of(new Caller("u1", Set.of("admin", "customer"))),
                request(Map.of("userId", "u1", "roles", "admin, customer")).caller());
        assertEquals(Set.of("admin"), request(Map.of("userId", "u1", "roles", List.of("admin"))).caller().orElseThrow().roles());
        assertEquals(Set.of(), request(Map.of("userId", "u1")).caller().orElseThrow().roles());
    }

    @Test
    void hasNoCallerWithoutAUserId() {
        assertTrue(request(Map.of("roles", "admin")).caller().isEmpty());
        assertTrue(request(Map.of("userId", " ", "roles", "admin")).caller().isEmpty());
        assertTrue(request(Map.of("userId", 42, "roles", "admin")).caller().isEmpty());
        assertTrue(new ApiRequest(null).caller().isEmpty());
        assertThrows(UnauthorizedException.class, () -> new ApiRequest(null).requireCaller());
    }

    @Test
    void findsHeadersWhateverTheirCase() {
        var event = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("Content-Type", "application/json")).build();
        assertEquals(Optional.of("application/json"), new ApiRequest(event).header("content-type"));
    }

    @Test
    void readsAndValidatesABody() {
        Body body = json("{\"name\":\" ok \",\"count\":2}").body(Body.class);
        assertEquals(" ok ", body.name());
    }

    @Test
    void reportsEveryBrokenRule() {
        DomainException e = assertThrows(DomainException.class, () -> json("{\"name\":\"\",\"count\":9}").body(Body.class));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of("/name", "/count"), e.errors().stream().map(error -> error.pointer()).toList());
    }

    @Test
    void refusesNullsAndWrongTypesWithAPointer() {
        DomainException e = assertThrows(DomainException.class, () -> json("{\"name\":\"a\",\"count\":true}").body(Body.class));
        assertEquals("/count", e.errors().get(0).pointer());
        DomainException missing = assertThrows(DomainException.class, () -> json("{\"name\":\"a\"}").body(Body.class));
        assertEquals("/count", missing.errors().get(0).pointer());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {";", ";;;", " ; ", "", " ", "text/plain", ";charset=utf-8",
            "application/json; charset=latin1", "application/jsonx"})
    void refusesAContentTypeThatIsNotJsonAs415(String contentType) {
        var event = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", contentType))
                .withBody("{\"name\":\"a\"}").build();
        DomainException e = assertThrows(DomainException.class, () -> new ApiRequest(event).body(Body.class));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.type(), contentType);
    }

    @Test
    void refusesAnInvalidBase64Body() {
        var event = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody("%%%not base64").withIsBase64Encoded(true).build();
        DomainException e = assertThrows(DomainException.class, () -> new ApiRequest(event).body(Body.class));
        assertEquals(ProblemType.BAD_REQUEST, e.type());
    }

    @Test
    void refusesANumberTooLargeForItsField() {
        DomainException e = assertThrows(DomainException.class,
                () -> json("{\"name\":\"a\",\"count\":99999999999999999999}").body(Body.class));
        assertEquals(400, e.type().status());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1000000000000000000000000000000000000000", "-100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"})
    void aNumberOfAnyLengthTooLargeForItsFieldIsSaidAtTheField(String number) {
        DomainException e = assertThrows(DomainException.class, () -> json("{\"name\":\"a\",\"count\":" + number + "}").body(Body.class));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("/count", pointerOf(e));
        assertEquals("is out of range", e.errors().get(0).detail());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"name\":1000000000000000000000000000000000000000}",
            "{\"name\":1.000000000000000000000000000000000000001}", "{\"count\":1.000000000000000000000000000000000000001}"})
    void aLongNumberOfTheWrongTypeIsSaidAtTheField(String body) {
        DomainException e = assertThrows(DomainException.class, () -> json(body).body(Body.class));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("has the wrong type", e.errors().get(0).detail());
    }

    @Test
    void aLongUnknownFieldNameIsShortenedInItsPointerAndStillEscaped() {
        String name = "a/b~c" + "x".repeat(70);
        DomainException e = assertThrows(DomainException.class, () -> json("{\"" + name + "\":1}").body(Body.class));
        String pointer = pointerOf(e);
        assertEquals("/a~1b~0c", pointer.substring(0, 8), pointer);
        assertEquals(1, pointer.chars().filter(c -> c == '/').count(), pointer);
        assertTrue(pointer.endsWith("..."), pointer);
        assertTrue(pointer.length() < 80, pointer);
        // An emoji is never cut in half.
        DomainException emoji = assertThrows(DomainException.class,
                () -> json("{\"" + "\ud83d\ude00".repeat(70) + "\":1}").body(Body.class));
        String cut = pointerOf(emoji);
        assertTrue(cut.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE), cut);
    }

    private static ApiRequest request(Map<String, Object> lambdaContext) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambdaContext).build())
                .build()).build());
    }

    private static String pointerOf(DomainException e) {
        return e.errors().get(0).pointer();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"5", "5.5", "true", "false"})
    void refusesANumberOrBooleanWhereTextBelongs(String value) {
        DomainException e = assertThrows(DomainException.class,
                () -> json("{\"name\":" + value + ",\"count\":1}").body(Body.class));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("/name", pointerOf(e));
    }

    @Test
    void refusesABodyWithAByteOrderMarkOrInUtf16() {
        byte[] utf8 = "{\"name\":\"a\",\"count\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("a", raw(utf8).body(Body.class).name());
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        for (byte[] body : List.of(bom, "{\"name\":\"a\",\"count\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16),
                "{\"name\":\"a\",\"count\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                "{\"name\":\"a\",\"count\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_16BE))) {
            DomainException e = assertThrows(DomainException.class, () -> raw(body).body(Body.class));
            assertEquals(ProblemType.MALFORMED_JSON, e.type());
        }
    }

    @Test
    void refusesOverlongAndOtherwiseMalformedUtf8() {
        // C0 AF is an overlong "/": a lenient decoder turns "x\xc0\xafy" into "x/y", past any check on "/".
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xFF})) {
            byte[] before = "{\"name\":\"x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] after = "y\",\"count\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] body = new byte[before.length + bad.length + after.length];
            System.arraycopy(before, 0, body, 0, before.length);
            System.arraycopy(bad, 0, body, before.length, bad.length);
            System.arraycopy(after, 0, body, before.length + bad.length, after.length);
            byte[] request = body;
            DomainException e = assertThrows(DomainException.class, () -> raw(request).body(Body.class),
                    java.util.HexFormat.of().formatHex(bad));
            assertEquals(ProblemType.MALFORMED_JSON, e.type());
        }
    }

    record Named(String name) implements Validated {
        @Override
        public void validate(Checks checks) {
            checks.name(name, "/name", 1, 20);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\\u200b", "\\u200b\\u200c\\u2060", "\\u3164", " \\u00ad ",
            "Bob\\u202eredro", "a\\u2066b", "\\ud800", "ab\\udc00", "\\u0301", "Eve\\r\\nX-Injected: yes", "a\\tb", "Ann\\u2028Example", "Ann\\u2029Example", "a\\u0085b", "a\\u000bb",
            "B\\udb40\\udc41\\udb40\\udc42"})
    void refusesInvisibleNamesBidiControlsAndLoneSurrogates(String escaped) {
        DomainException e = assertThrows(DomainException.class,
                () -> json("{\"name\":\"" + escaped + "\"}").body(Named.class));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("/name", pointerOf(e));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Zo\\u00eb", "\\ud83d\\ude00 Smile", "\\u05e9\\u05dc\\u05d5\\u05dd",
            "e\\u0301t\\u00e9"})
    void acceptsRealNamesInAnyScript(String escaped) {
        assertEquals(1, json("{\"name\":\"" + escaped + "\"}").body(Named.class).name().codePoints().limit(1).count());
    }

    private static ApiRequest raw(byte[] body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody(java.util.Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true).build());
    }

    private static ApiRequest json(String body) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("content-type", "application/json"))
                .withBody(body).build());
    }
}
