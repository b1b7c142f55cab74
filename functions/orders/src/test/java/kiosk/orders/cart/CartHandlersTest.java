package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import kiosk.orders.promotion.InMemoryPromotionStore;
import kiosk.orders.promotion.Promotion;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.ratelimit.RateLimiter;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four cart routes over payload 2.0 events: status codes, bodies, ETags, and what is refused. */
class CartHandlersTest {

    private final InMemoryCartStore store = new InMemoryCartStore();
    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog()
            .put("lamp", "Desk lamp", 3999, "EUR", 5)
            .put("hat", "Hat", 2000, "USD", 9);
    private final CartService carts = new CartService(store, catalog, CartServiceTest.CLOCK);
    private final InMemoryPromotionStore promotionStore = new InMemoryPromotionStore();
    private final GetCartHandler get = new GetCartHandler(carts, new PromotionService(promotionStore, CartServiceTest.CLOCK));
    /** Admits the first {@code allowance} cart writes, then refuses as a limiter over its limit does. */
    private int allowance = Integer.MAX_VALUE;
    private final RateLimiter limiter = subject -> {
        if (allowance-- <= 0) {
            throw new RetryLaterException(RateLimiter.RATE_LIMITED, "Too many of these requests.", 17);
        }
    };
    private final PutCartLineHandler put = new PutCartLineHandler(carts, limiter);
    private final DeleteCartLineHandler delete = new DeleteCartLineHandler(carts, limiter);
    private final ClearCartHandler clear = new ClearCartHandler(carts, limiter);

    private static ApiEvents line(String method, String productId, String user) {
        return ApiEvents.request(method, "/cart/lines/{productId}").path("productId", productId).caller(user);
    }

    private APIGatewayV2HTTPResponse putLine(String productId, String body) {
        return put.handleRequest(line("PUT", productId, "ann").json(body).build(), null);
    }

    @Test
    void everyCartWriteIsCountedAndOverTheLimitIs429ChangingNothing() {
        allowance = 3;
        assertEquals(200, putLine("lamp", "{\"quantity\":2}").getStatusCode());
        assertEquals(200, delete.handleRequest(line("DELETE", "lamp", "ann").build(), null).getStatusCode());
        assertEquals(200, putLine("hat", "{\"quantity\":1}").getStatusCode());
        for (APIGatewayV2HTTPResponse refused : List.of(putLine("lamp", "{\"quantity\":1}"),
                delete.handleRequest(line("DELETE", "hat", "ann").build(), null),
                clear.handleRequest(ApiEvents.request("DELETE", "/cart").caller("ann").build(), null))) {
            Responses.assertProblem(refused, 429, "rate-limited");
            assertEquals("17", refused.getHeaders().get("retry-after"));
        }
        var cart = Responses.body(get.handleRequest(ApiEvents.request("GET", "/cart").caller("ann").build(), null));
        assertEquals(1, cart.path("lines").size(), "the refused writes changed nothing");
        assertEquals("hat", cart.path("lines").get(0).path("productId").asText());
    }

    @Test
    void aShopperFillsReadsAndEmptiesTheirCart() {
        APIGatewayV2HTTPResponse added = putLine("lamp", "{\"quantity\":2}");
        assertEquals(200, added.getStatusCode(), added::getBody);
        assertEquals("\"1\"", added.getHeaders().get("etag"));
        JsonNode cart = Responses.body(get.handleRequest(ApiEvents.request("GET", "/cart").caller("ann").build(), null));
        assertEquals("Desk lamp", cart.at("/lines/0/name").asText());
        assertEquals(7998, cart.at("/subtotal/amount").asLong());
        assertEquals("IN_STOCK", cart.at("/lines/0/availability").asText());

        JsonNode removed = Responses.body(delete.handleRequest(line("DELETE", "lamp", "ann").build(), null));
        assertEquals(0, removed.get("lines").size());
        putLine("lamp", "{\"quantity\":1}");
        assertEquals(204, clear.handleRequest(ApiEvents.request("DELETE", "/cart").caller("ann").build(), null).getStatusCode());
        assertEquals(0, store.find("ann").orElseThrow().lines().size());
    }

    @Test
    void everyRouteNeedsASignedInCaller() {
        Responses.assertProblem(get.handleRequest(ApiEvents.request("GET", "/cart").build(), null), 401, "unauthorized");
        Responses.assertProblem(put.handleRequest(ApiEvents.request("PUT", "/cart/lines/{productId}").path("productId", "lamp")
                .json("{\"quantity\":1}").build(), null), 401, "unauthorized");
        Responses.assertProblem(delete.handleRequest(ApiEvents.request("DELETE", "/cart/lines/{productId}")
                .path("productId", "lamp").build(), null), 401, "unauthorized");
        Responses.assertProblem(clear.handleRequest(ApiEvents.request("DELETE", "/cart").build(), null), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\":-1}", "{\"quantity\":100}", "{\"quantity\":1.5}", "{\"quantity\":\"2\"}", "{}",
            "{\"quantity\":99999999999999}", "{\"quantity\":1,\"price\":1}", "[1]", "{\"quantity\":null}"})
    void aBadQuantityIsA400AndStoresNothing(String body) {
        APIGatewayV2HTTPResponse response = putLine("lamp", body);
        int status = response.getStatusCode();
        assertEquals(400, status, response::getBody);
        assertEquals(0, carts.view("ann").version());
    }

    @Test
    void unknownArchivedAndOtherCurrencyProductsAreRefusedWithTheirOwnProblems() {
        Responses.assertProblem(putLine("no-such", "{\"quantity\":1}"), 404, "not-found");
        putLine("lamp", "{\"quantity\":1}");
        Responses.assertProblem(putLine("hat", "{\"quantity\":1}"), 409, "currency-mismatch");
        assertEquals(1, store.find("ann").orElseThrow().lines().size());
    }

    @Test
    void aPromoCodeIsPreviewedOnTheCartOrRefusedNamingWhy() {
        promotionStore.create(new Promotion("TENOFF", Promotion.Kind.PERCENT, 10, null, null, "2026-11-01T00:00:00Z",
                "2027-01-01T00:00:00Z", 5, 1, 0, true, "2026-11-01T00:00:00Z", 1));
        putLine("lamp", "{\"quantity\":1}");
        JsonNode preview = Responses.body(get.handleRequest(ApiEvents.request("GET", "/cart").caller("ann")
                .query("promoCode", "TENOFF").build(), null));
        assertEquals("TENOFF", preview.get("promoCode").asText());
        assertEquals(399, preview.at("/discount/amount").asLong(), "10% of 39.99, rounded down");
        Responses.assertProblem(get.handleRequest(ApiEvents.request("GET", "/cart").caller("ann")
                .query("promoCode", "FORGED").build(), null), 422, "promo-code-unknown");
    }

    @Test
    void aStaleIfMatchIsA412WithTheCurrentETag() {
        putLine("lamp", "{\"quantity\":1}");
        APIGatewayV2HTTPResponse stale = put.handleRequest(line("PUT", "lamp", "ann").header("if-match", "\"0\"")
                .json("{\"quantity\":3}").build(), null);
        Responses.assertProblem(stale, 412, "precondition-failed");
        assertEquals(1, store.find("ann").orElseThrow().lines().get(0).quantity());
    }
}
