package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.assertProblem;
import static kiosk.catalog.product.Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdjustStockHandlerTest {

    private final InMemoryProductStore store = new InMemoryProductStore();
    private final AdjustStockHandler handler = new AdjustStockHandler(Fixtures.service(store));

    @BeforeEach
    void givenAProductWithFiveInStock() {
        store.put(Fixtures.product("p1", "Lamp", "lighting"));
    }

    @Test
    void addsAndWritesOffUnitsWithoutIfMatchAndKeepsTheVersion() {
        var added = handler.handleRequest(post("p1", "{\"delta\":7}").build(), null);
        assertEquals(200, added.getStatusCode(), added::getBody);
        assertEquals(12, body(added).path("stock").asInt());
        assertTrue(added.getHeaders().get("etag").startsWith("\"1."), "the admin's ETag for an edit keeps its version");
        var removed = handler.handleRequest(post("p1", "{\"delta\":-12}").build(), null);
        assertEquals(0, body(removed).path("stock").asInt());
    }

    @Test
    void belowZeroIsA409AndChangesNothing() {
        assertProblem(handler.handleRequest(post("p1", "{\"delta\":-6}").build(), null), 409, "stock-out-of-range");
        assertEquals(5, store.find("p1").orElseThrow().stock());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"delta\":0}", "{\"delta\":1.5}", "{\"delta\":\"3\"}", "{}", "{\"delta\":1000001}",
            "{\"delta\":-1000001}", "{\"delta\":99999999999}", "{\"delta\":1,\"stock\":9}"})
    void refusesAnInvalidDelta(String body) {
        assertProblem(handler.handleRequest(post("p1", body).build(), null), 400, "validation");
        assertEquals(5, store.find("p1").orElseThrow().stock());
    }

    @Test
    void onlyAdminsAdjustAndAnArchivedProductIs404() {
        var customer = ApiEvents.request("POST", "/products/{id}/stock").path("id", "p1").caller("u1", "customer")
                .json("{\"delta\":1}").build();
        assertProblem(handler.handleRequest(customer, null), 403, "forbidden");
        store.put(Fixtures.archived("gone"));
        assertProblem(handler.handleRequest(post("gone", "{\"delta\":1}").build(), null), 404, "not-found");
        assertProblem(handler.handleRequest(post("no-such", "{\"delta\":1}").build(), null), 404, "not-found");
        assertEquals(5, store.find("p1").orElseThrow().stock());
    }

    private static ApiEvents post(String id, String body) {
        return ApiEvents.request("POST", "/products/{id}/stock").path("id", id).caller("admin-1", "admin").json(body);
    }
}
