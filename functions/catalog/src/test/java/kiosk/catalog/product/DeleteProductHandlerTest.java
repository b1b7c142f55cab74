package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteProductHandlerTest {

    private final InMemoryProductStore store = new InMemoryProductStore();
    private final DeleteProductHandler handler = new DeleteProductHandler(Fixtures.service(store));

    @BeforeEach
    void givenAProductAtVersion1() {
        store.put(Fixtures.product("p1", "Lamp", "lighting"));
    }

    @Test
    void returns204AndArchivesTheProduct() {
        var response = handler.handleRequest(delete("p1").header("if-match", "\"1\"").build(), null);
        assertEquals(204, response.getStatusCode(), response::getBody);
        assertNull(response.getBody());
        assertEquals(ProductStatus.ARCHIVED, store.find("p1").orElseThrow().status());
    }

    @Test
    void returns404OnASecondDelete() {
        handler.handleRequest(delete("p1").header("if-match", "\"1\"").build(), null);
        assertProblem(handler.handleRequest(delete("p1").header("if-match", "\"2\"").build(), null), 404, "not-found");
    }

    @Test
    void returns412OnAStaleVersion() {
        assertProblem(handler.handleRequest(delete("p1").header("if-match", "\"0\"").build(), null), 412, "precondition-failed");
        assertEquals(ProductStatus.ACTIVE, store.find("p1").orElseThrow().status());
    }

    @Test
    void returns428WithoutIfMatch() {
        assertProblem(handler.handleRequest(delete("p1").build(), null), 428, "precondition-required");
        assertEquals(ProductStatus.ACTIVE, store.find("p1").orElseThrow().status());
    }

    @Test
    void returns401WithoutACallerAnd403WithoutAdmin() {
        var anonymous = ApiEvents.request("DELETE", "/products/{id}").path("id", "p1").header("if-match", "\"1\"").build();
        assertProblem(handler.handleRequest(anonymous, null), 401, "unauthorized");
        var customer = ApiEvents.request("DELETE", "/products/{id}").path("id", "p1").caller("u1", "customer")
                .header("if-match", "\"1\"").build();
        assertProblem(handler.handleRequest(customer, null), 403, "forbidden");
        assertEquals(ProductStatus.ACTIVE, store.find("p1").orElseThrow().status());
    }

    private static ApiEvents delete(String id) {
        return ApiEvents.request("DELETE", "/products/{id}").path("id", id).caller("admin-1", "admin");
    }
}
