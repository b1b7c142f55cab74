package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.VALID_BODY;
import static kiosk.catalog.product.Fixtures.assertProblem;
import static kiosk.catalog.product.Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateProductHandlerTest {

    private final InMemoryProductStore store = new InMemoryProductStore();
    private final CreateProductHandler handler = new CreateProductHandler(Fixtures.service(store));

    @Test
    void returns201WithLocationAndETagAndStoresTheProduct() {
        var response = handler.handleRequest(asAdmin().json(VALID_BODY).build(), null);
        assertEquals(201, response.getStatusCode(), response::getBody);
        assertEquals("/products/p-1", response.getHeaders().get("location"));
        assertTrue(response.getHeaders().get("etag").matches("\"1\\.[A-Za-z0-9_-]{16}\""), response.getHeaders()::toString);
        assertEquals("Desk lamp", body(response).path("name").asText());
        assertEquals("ACTIVE", body(response).path("status").asText());
        assertEquals("2026-11-21T10:00:00Z", body(response).path("createdAt").asText());
        assertEquals(3999L, store.find("p-1").orElseThrow().price().amount());
    }

    @Test
    void acceptsABase64EncodedBody() {
        var event = asAdmin().header("content-type", "application/json; charset=UTF-8")
                .base64Body(VALID_BODY.getBytes(StandardCharsets.UTF_8)).build();
        assertEquals(201, handler.handleRequest(event, null).getStatusCode());
    }

    @Test
    void returns401WithoutACaller() {
        var response = handler.handleRequest(ApiEvents.request("POST", "/products").json(VALID_BODY).build(), null);
        assertProblem(response, 401, "unauthorized");
        assertTrue(store.find("p-1").isEmpty());
    }

    @Test
    void returns403WithoutTheAdminRole() {
        var response = handler.handleRequest(ApiEvents.request("POST", "/products").caller("u-7", "customer")
                .json(VALID_BODY).build(), null);
        assertProblem(response, 403, "forbidden");
        assertTrue(store.find("p-1").isEmpty());
    }

    @Test
    void returns415WithoutAContentType() {
        assertProblem(handler.handleRequest(asAdmin().body(VALID_BODY).build(), null), 415, "unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=latin1", "multipart/form-data"})
    void returns415ForAnotherContentType(String contentType) {
        var event = asAdmin().header("content-type", contentType).body(VALID_BODY).build();
        assertProblem(handler.handleRequest(event, null), 415, "unsupported-media-type");
    }

    @Test
    void returns413ForAnOversizedBody() {
        String big = VALID_BODY.replace("Warm light", "x".repeat(20_000));
        assertProblem(handler.handleRequest(asAdmin().json(big).build(), null), 413, "payload-too-large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"name\":", "not json", "[1,2]", "null", "\"text\"", "42",
            "{\"name\":\"a\"} trailing", "{\"name\":\"a\",\"name\":\"b\"}"})
    void returns400ForMalformedJson(String json) {
        var problem = assertProblem(handler.handleRequest(asAdmin().json(json).build(), null), 400, "malformed-json");
        assertTrue(store.find("p-1").isEmpty(), problem::toString);
    }

    @Test
    void returns400ForAnEmptyBody() {
        assertProblem(handler.handleRequest(asAdmin().json("").build(), null), 400, "bad-request");
    }

    @Test
    void returns400ForDeeplyNestedJsonWhereverItIs() {
        String inField = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertProblem(handler.handleRequest(asAdmin().json(inField).build(), null), 400, "validation");
        String atTop = "[".repeat(5000) + "]".repeat(5000);
        assertProblem(handler.handleRequest(asAdmin().json(atTop).build(), null), 400, "malformed-json");
        String unknownField = "{\"x\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1001);
        assertEquals(400, handler.handleRequest(asAdmin().json(unknownField).build(), null).getStatusCode());
    }

    @Test
    void returns400NamingAnUnknownField() {
        String body = VALID_BODY.replace("\"stock\":12", "\"stock\":12,\"discount\":50");
        var problem = assertProblem(handler.handleRequest(asAdmin().json(body).build(), null), 400, "validation");
        assertEquals("/discount", problem.path("errors").get(0).path("pointer").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing name            | \"name\":\"Desk lamp\",                  |                             | /name",
            "blank name              | \"name\":\"Desk lamp\"                   | \"name\":\"   \"               | /name",
            "overlong name           | \"name\":\"Desk lamp\"                   | \"name\":\"" + "LONG" + "\"  | /name",
            "control characters      | \"name\":\"Desk lamp\"                   | \"name\":\"a\\u0000b\"          | /name",
            "category format         | \"category\":\"home-office\"             | \"category\":\"Home Office\"   | /category",
            "price zero              | \"amount\":3999                         | \"amount\":0                  | /price/amount",
            "price negative          | \"amount\":3999                         | \"amount\":-5                 | /price/amount",
            "price as float          | \"amount\":3999                         | \"amount\":39.99              | /price/amount",
            "price as string         | \"amount\":3999                         | \"amount\":\"3999\"           | /price/amount",
            "price too large         | \"amount\":3999                         | \"amount\":1000000000000      | /price/amount",
            "unknown currency        | \"currency\":\"EUR\"                    | \"currency\":\"EURO\"         | /price/currency",
            "lower-case currency     | \"currency\":\"EUR\"                    | \"currency\":\"eur\"          | /price/currency",
            "not a currency          | \"currency\":\"EUR\"                    | \"currency\":\"XXX\"          | /price/currency",
            "negative stock          | \"stock\":12                            | \"stock\":-1                  | /stock",
            "stock as float          | \"stock\":12                            | \"stock\":1.5                 | /stock",
            "missing stock           | ,\"stock\":12                           |                             | /stock",
            "missing price           | \"price\":{\"amount\":3999,\"currency\":\"EUR\"}, |                  | /price",
    })
    void returns400NamingTheInvalidField(String name, String replace, String with, String pointer) {
        String replacement = with == null ? "" : with.replace("LONG", "x".repeat(121));
        String body = VALID_BODY.replace(replace, replacement);
        var problem = assertProblem(handler.handleRequest(asAdmin().json(body).build(), null), 400, "validation");
        List<String> pointers = new ArrayList<>();
        problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
        assertTrue(pointers.contains(pointer), () -> name + ": " + pointers + " in " + body);
        assertTrue(store.find("p-1").isEmpty());
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        var problem = assertProblem(handler.handleRequest(asAdmin().json(
                "{\"name\":\"\",\"category\":\"?\",\"price\":{\"amount\":0,\"currency\":\"ZZZ\"},\"stock\":-3}").build(), null),
                400, "validation");
        assertEquals(5, problem.path("errors").size(), problem::toString);
    }

    @Test
    void returns400ForInjectionShapedInputInsteadOfStoringIt() {
        String body = VALID_BODY.replace("home-office", "x' OR '1'='1").replace("Desk lamp", "{\\\"$gt\\\": \\\"\\\"}");
        assertProblem(handler.handleRequest(asAdmin().json(body).build(), null), 400, "validation");
        assertTrue(store.find("p-1").isEmpty());
    }

    private static ApiEvents asAdmin() {
        return ApiEvents.request("POST", "/products").caller("admin-1", "admin");
    }
}
