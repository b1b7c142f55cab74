package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.VALID_BODY;
import static kiosk.catalog.product.Fixtures.VALID_EDIT;
import static kiosk.catalog.product.Fixtures.assertProblem;
import static kiosk.catalog.product.Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateProductHandlerTest {

    private final InMemoryProductStore store = new InMemoryProductStore();
    private final UpdateProductHandler handler = new UpdateProductHandler(Fixtures.service(store));

    @BeforeEach
    void givenAProductAtVersion1() {
        store.put(Fixtures.product("p1", "Old name", "misc"));
    }

    @Test
    void returns200WithTheNewVersionWhenIfMatchIsCurrent() {
        var response = handler.handleRequest(put("p1").header("if-match", "\"1\"").json(VALID_EDIT).build(), null);
        assertEquals(200, response.getStatusCode(), response::getBody);
        assertTrue(response.getHeaders().get("etag").startsWith("\"2."), response.getHeaders()::toString);
        assertEquals("Desk lamp", body(response).path("name").asText());
        assertEquals(2, store.find("p1").orElseThrow().version());
        assertEquals("2026-11-01T00:00:00Z", store.find("p1").orElseThrow().createdAt());
    }

    @Test
    void acceptsTheTagAGetAnsweredWhoseStockHasMovedSince() {
        // GIVEN the tag a read gave, then a sale that moves the stock but not the version
        var read = new GetProductHandler(Fixtures.service(store)).handleRequest(
                ApiEvents.request("GET", "/products/{id}").path("id", "p1").build(), null);
        String tag = read.getHeaders().get("etag");
        Product before = store.find("p1").orElseThrow();
        store.put(new Product(before.id(), before.name(), before.description(), before.category(), before.price(),
                before.stock() - 1, before.status(), before.version(), before.createdAt(), "2026-11-21T10:05:00Z"));
        // WHEN the admin edits with it
        var response = handler.handleRequest(put("p1").header("if-match", tag).json(VALID_EDIT).build(), null);
        // THEN the edit is not refused for a sale: only the version decides
        assertEquals(200, response.getStatusCode(), response::getBody);
        assertEquals(2, store.find("p1").orElseThrow().version());
    }

    @Test
    void acceptsIfMatchStar() {
        var response = handler.handleRequest(put("p1").header("if-match", "*").json(VALID_EDIT).build(), null);
        assertEquals(200, response.getStatusCode(), response::getBody);
    }

    @Test
    void returns412WithTheCurrentETagOnAStaleVersion() {
        var response = handler.handleRequest(put("p1").header("if-match", "\"7\"").json(VALID_EDIT).build(), null);
        assertProblem(response, 412, "precondition-failed");
        assertEquals("\"1\"", response.getHeaders().get("etag"));
        assertEquals("Old name", store.find("p1").orElseThrow().name());
    }

    @Test
    void returns412ForAWeakETag() {
        assertProblem(handler.handleRequest(put("p1").header("if-match", "W/\"1\"").json(VALID_EDIT).build(), null),
                412, "precondition-failed");
    }

    @Test
    void returns428WithoutIfMatch() {
        assertProblem(handler.handleRequest(put("p1").json(VALID_EDIT).build(), null), 428, "precondition-required");
        assertEquals("Old name", store.find("p1").orElseThrow().name());
    }

    @Test
    void returns400ForAMalformedIfMatch() {
        assertProblem(handler.handleRequest(put("p1").header("if-match", "1").json(VALID_EDIT).build(), null), 400, "bad-request");
    }

    @Test
    void returns404ForAnArchivedProduct() {
        store.put(Fixtures.archived("gone"));
        assertProblem(handler.handleRequest(put("gone").header("if-match", "\"2\"").json(VALID_EDIT).build(), null),
                404, "not-found");
    }

    @Test
    void returns401And403BeforeLookingAtTheBody() {
        var anonymous = ApiEvents.request("PUT", "/products/{id}").path("id", "p1").header("if-match", "\"1\"").json("{").build();
        assertProblem(handler.handleRequest(anonymous, null), 401, "unauthorized");
        var customer = ApiEvents.request("PUT", "/products/{id}").path("id", "p1").caller("u1", "customer")
                .header("if-match", "\"1\"").json(VALID_EDIT).build();
        assertProblem(handler.handleRequest(customer, null), 403, "forbidden");
        assertEquals("Old name", store.find("p1").orElseThrow().name());
    }

    @Test
    void returns400ForAnInvalidBodyAndKeepsTheProduct() {
        assertProblem(handler.handleRequest(put("p1").header("if-match", "\"1\"").json("{\"name\":\"x\"}").build(), null),
                400, "validation");
        assertEquals(1, store.find("p1").orElseThrow().version());
    }

    @Test
    void stockIsNotAFieldOfAnEditSoAStaleOneCannotUndoSales() {
        var response = handler.handleRequest(put("p1").header("if-match", "\"1\"").json(VALID_BODY).build(), null);
        var problem = assertProblem(response, 400, "validation");
        assertEquals("/stock", problem.path("errors").path(0).path("pointer").asText(), problem.toString());
        assertEquals(5, store.find("p1").orElseThrow().stock());
        assertEquals(1, store.find("p1").orElseThrow().version());
    }

    private static ApiEvents put(String id) {
        return ApiEvents.request("PUT", "/products/{id}").path("id", id).caller("admin-1", "admin");
    }
}
