package kiosk.catalog.product;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.shared.money.Money;
import kiosk.testkit.Responses;

/** Shared test data and response reading for the catalog's tests. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final String VALID_BODY = """
            {"name":"Desk lamp","description":"Warm light","category":"home-office",
             "price":{"amount":3999,"currency":"EUR"},"stock":12}""";
    /** A PUT body: what an admin edits, which leaves stock out. */
    static final String VALID_EDIT = """
            {"name":"Desk lamp","description":"Warm light","category":"home-office",
             "price":{"amount":3999,"currency":"EUR"}}""";

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
        return Responses.body(response);
    }

    /** Asserts a problem+json answer of the given status and type slug; returns its body. */
    static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
        return Responses.assertProblem(response, status, slug);
    }
}
