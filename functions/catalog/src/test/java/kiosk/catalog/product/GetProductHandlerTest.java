package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.assertProblem;
import static kiosk.catalog.product.Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("\"1\"", response.getHeaders().get("etag"));
        assertEquals("Desk lamp", body(response).path("name").asText());
        assertEquals(1000, body(response).path("price").path("amount").asLong());
        assertEquals("EUR", body(response).path("price").path("currency").asText());
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
