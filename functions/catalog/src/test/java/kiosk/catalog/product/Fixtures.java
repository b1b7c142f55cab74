package kiosk.catalog.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.shared.json.Json;
import kiosk.shared.money.Money;

/** Shared test data and response reading for the catalog's tests. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final String VALID_BODY = """
            {"name":"Desk lamp","description":"Warm light","category":"home-office",
             "price":{"amount":3999,"currency":"EUR"},"stock":12}""";

    private Fixtures() {
    }

    static ProductService service(ProductStore store) {
        AtomicInteger ids = new AtomicInteger();
        return new ProductService(store, CLOCK, () -> "p-" + ids.incrementAndGet());
    }

    static Product product(String id, String name, String category) {
        return new Product(id, name, "about " + name, category, new Money(1000L, "EUR"), 5, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z");
    }

    static Product archived(String id) {
        Product p = product(id, "Old", "misc");
        return new Product(id, p.name(), p.description(), p.category(), p.price(), p.stock(), ProductStatus.ARCHIVED, 2,
                p.createdAt(), p.updatedAt());
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("body is not JSON: " + response.getBody(), e);
        }
    }

    /** Asserts a problem+json answer of the given status and type slug; returns its body. */
    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
        assertEquals(status, response.getStatusCode(), response::getBody);
        assertEquals("application/problem+json", response.getHeaders().get("content-type"));
        JsonNode problem = body(response);
        assertEquals("urn:kiosk:problem:" + slug, problem.path("type").asText(), response::getBody);
        assertEquals(status, problem.path("status").asInt());
        return problem;
    }
}
