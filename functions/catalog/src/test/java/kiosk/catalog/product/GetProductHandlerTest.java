package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.assertProblem;
import static kiosk.catalog.product.Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.Test;

class GetProductHandlerTest {

    private final InMemoryProductStore store = new InMemoryProductStore();
    private final GetProductHandler handler = new GetProductHandler(Fixtures.service(store));

    @Test
    void returnsTheProductWithItsVersionAsETag() {
        // GIVEN
        store.put(Fixtures.product("p1", "Desk lamp", "home-office"));
        // WHEN
        var response = handler.handleRequest(ApiEvents.request("GET", "/products/{id}").path("id", "p1").build(), null);
        // THEN
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertTrue(response.getHeaders().get("etag").startsWith("\"1."), "its version, then a digest of the body");
        assertEquals("public, max-age=30, stale-while-revalidate=300", response.getHeaders().get("cache-control"));
        assertEquals("Desk lamp", body(response).path("name").asText());
        assertEquals(1000, body(response).path("price").path("amount").asLong());
        assertEquals("EUR", body(response).path("price").path("currency").asText());
    }

    @Test
    void aSaleChangesTheTagThoughNotTheVersion() {
        // GIVEN a product read once
        store.put(Fixtures.product("p1", "Desk lamp", "home-office"));
        String before = get("p1", null).getHeaders().get("etag");
        // WHEN a sale takes a unit (checkout moves stock and updatedAt, never the version)
        Product product = store.find("p1").orElseThrow();
        store.put(new Product(product.id(), product.name(), product.description(), product.category(), product.price(),
                product.stock() - 1, product.status(), product.version(), product.createdAt(), "2026-11-21T10:05:00Z"));
        // THEN the tag is another, so a cache holding the old body revalidates to the new one
        var after = get("p1", before);
        assertEquals(200, after.getStatusCode(), "the old tag no longer matches");
        assertNotEquals(before, after.getHeaders().get("etag"));
        assertEquals(product.stock() - 1, body(after).path("stock").asInt());
    }

    @Test
    void ifNoneMatchHoldingTheCurrentTagIsA304WithNoBody() {
        store.put(Fixtures.product("p1", "Desk lamp", "home-office"));
        String tag = get("p1", null).getHeaders().get("etag");
        for (String ifNoneMatch : List.of(tag, "W/" + tag, "\"0.abc\", " + tag, "*")) {
            var response = get("p1", ifNoneMatch);
            assertEquals(304, response.getStatusCode(), ifNoneMatch);
            assertNull(response.getBody(), "a 304 has no body");
            assertNull(response.getHeaders().get("content-type"));
            assertEquals(tag, response.getHeaders().get("etag"));
            assertEquals("public, max-age=30, stale-while-revalidate=300", response.getHeaders().get("cache-control"));
        }
        assertEquals(200, get("p1", "\"1.somethingElse\"").getStatusCode());
    }

    @Test
    void aMissingProductIsNeverCached() {
        var response = get("nope", "*");
        assertProblem(response, 404, "not-found");
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        assertNull(response.getHeaders().get("etag"));
    }

    private APIGatewayV2HTTPResponse get(String id, String ifNoneMatch) {
        ApiEvents request = ApiEvents.request("GET", "/products/{id}").path("id", id);
        if (ifNoneMatch != null) {
            request.header("if-none-match", ifNoneMatch);
        }
        return handler.handleRequest(request.build(), null);
    }

    @Test
    void returns404WhenAbsent() {
        var response = handler.handleRequest(ApiEvents.request("GET", "/products/{id}").path("id", "nope").build(), null);
        var problem = assertProblem(response, 404, "not-found");
        assertEquals("/products/nope", problem.path("instance").asText());
    }

    @Test
    void returns404WhenArchived() {
        store.put(Fixtures.archived("gone"));
        var response = handler.handleRequest(ApiEvents.request("GET", "/products/{id}").path("id", "gone").build(), null);
        assertProblem(response, 404, "not-found");
    }

    @Test
    void returns404ForAnIdThatCannotExistWithoutEchoingIt() {
        String hostile = "x".repeat(5000) + "<script>";
        var response = handler.handleRequest(ApiEvents.request("GET", "/products/{id}").path("id", hostile).build(), null);
        var problem = assertProblem(response, 404, "not-found");
        assertEquals(-1, problem.path("detail").asText().indexOf("<script>"));
    }

    @Test
    void answersAnEmptyEventWithAProblemNotAnException() {
        var response = handler.handleRequest(new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent(), null);
        assertProblem(response, 404, "not-found");
    }
}
