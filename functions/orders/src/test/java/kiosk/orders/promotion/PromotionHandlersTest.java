package kiosk.orders.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four admin routes of promotion codes over payload 2.0 events, on the in-memory store. */
class PromotionHandlersTest {

    static final String BODY = """
            {"code":"WELCOME10","kind":"PERCENT","percentOff":10,"validFrom":"2026-11-01T00:00:00Z",
             "validUntil":"2027-01-01T00:00:00Z","maxRedemptions":100}""";

    private final InMemoryPromotionStore store = new InMemoryPromotionStore();
    private final PromotionService promotions = new PromotionService(store,
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private final CreatePromotionHandler create = new CreatePromotionHandler(promotions);
    private final GetPromotionHandler get = new GetPromotionHandler(promotions);
    private final ListPromotionsHandler list = new ListPromotionsHandler(promotions);
    private final DeactivatePromotionHandler deactivate = new DeactivatePromotionHandler(promotions);

    private APIGatewayV2HTTPResponse post(String body, String... roles) {
        return create.handleRequest(ApiEvents.request("POST", "/admin/promotions").caller("admin-1", roles).json(body).build(), null);
    }

    @Test
    void anAdminCreatesReadsListsAndDeactivatesACode() {
        APIGatewayV2HTTPResponse created = post(BODY, "admin");
        assertEquals(201, created.getStatusCode(), created::getBody);
        assertEquals("/admin/promotions/WELCOME10", created.getHeaders().get("location"));
        assertEquals(1, store.find("WELCOME10").orElseThrow().perCustomerLimit(), "once per shopper unless said otherwise");
        Responses.assertProblem(post(BODY, "admin"), 409, "conflict");

        JsonNode one = Responses.body(get.handleRequest(ApiEvents.request("GET", "/admin/promotions/{code}")
                .path("code", "WELCOME10").caller("admin-1", "admin").build(), null));
        assertEquals(0, one.get("redemptions").asInt());
        JsonNode page = Responses.body(list.handleRequest(ApiEvents.request("GET", "/admin/promotions")
                .caller("admin-1", "admin").build(), null));
        assertEquals("WELCOME10", page.at("/items/0/code").asText());
        JsonNode off = Responses.body(deactivate.handleRequest(ApiEvents.request("POST", "/admin/promotions/{code}/deactivate")
                .path("code", "WELCOME10").caller("admin-1", "admin").build(), null));
        assertFalse(off.get("active").asBoolean());
        Responses.assertProblem(get.handleRequest(ApiEvents.request("GET", "/admin/promotions/{code}")
                .path("code", "NOPE").caller("admin-1", "admin").build(), null), 404, "not-found");
    }

    @Test
    void onlyAdminsManageCodes() {
        Responses.assertProblem(post(BODY, "customer"), 403, "forbidden");
        Responses.assertProblem(list.handleRequest(ApiEvents.request("GET", "/admin/promotions").caller("u1").build(), null),
                403, "forbidden");
        assertEquals(0, store.list(10, Optional.empty()).items().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"code\":\"welcome10\"", "\"percentOff\":0", "\"percentOff\":101", "\"kind\":\"BOGO\"",
            "\"validUntil\":\"2026-10-01T00:00:00Z\"", "\"validFrom\":\"tomorrow\"", "\"maxRedemptions\":0",
            "\"percentOff\":10.5", "\"redemptions\":3"})
    void anInvalidCodeIsA400AndStoresNothing(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String body = BODY.replaceFirst("\"" + name + "\":(\"[^\"]*\"|[0-9]+)", field);
        if (!body.contains(field)) {
            body = BODY.replace("}", "," + field + "}");
        }
        Responses.assertProblem(post(body, "admin"), 400, "validation");
        assertEquals(0, store.list(10, Optional.empty()).items().size());
    }
}
