package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import kiosk.emulator.LocalAws;
import kiosk.shared.ratelimit.DynamoDbRateLimiter;
import kiosk.shared.ratelimit.RateLimit;
import kiosk.shared.ratelimit.RateLimiter;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /checkout over payload 2.0 events against DynamoDB Local: statuses, headers, and the hostile list. */
@ExtendWith(LocalAwsExtension.class)
class CheckoutHandlerIT {

    static final String BODY = """
            {"shippingAddress":{"name":"Ann Example","lines":["Hauptstrasse 1"],"city":"Berlin",
             "postalCode":"10115","country":"DE"},"paymentMethod":"pm_card_visa"}""";

    private final LocalAws aws;
    private final Shop shop;
    private final CheckoutHandler handler;

    CheckoutHandlerIT(LocalAws aws) {
        this.aws = aws;
        this.shop = new Shop(aws);
        this.handler = new CheckoutHandler(shop.checkout, RateLimiter.NONE);
    }

    private APIGatewayV2HTTPResponse post(String user, String key, String body) {
        ApiEvents event = ApiEvents.request("POST", "/checkout").json(body);
        if (user != null) {
            event.caller(user);
        }
        if (key != null) {
            event.header("idempotency-key", key);
        }
        return handler.handleRequest(event.build(), null);
    }

    @Test
    void placesA201WithLocationAndAReplayIsMarked() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        APIGatewayV2HTTPResponse placed = post(ann, "7d4c2a18-0b7e-4f55-9a51-1f4f3f0c2b61", BODY);
        assertEquals(201, placed.getStatusCode(), placed::getBody);
        JsonNode order = Responses.body(placed);
        assertEquals("/orders/" + order.get("id").asText(), placed.getHeaders().get("location"));
        assertEquals("PENDING_PAYMENT", order.get("status").asText());
        assertEquals(1999 + 495, order.at("/totals/total").asLong());
        assertNull(placed.getHeaders().get("idempotent-replayed"));

        APIGatewayV2HTTPResponse replay = post(ann, "7d4c2a18-0b7e-4f55-9a51-1f4f3f0c2b61", BODY);
        assertEquals(201, replay.getStatusCode());
        assertEquals("true", replay.getHeaders().get("idempotent-replayed"));
        assertEquals(order.get("id"), Responses.body(replay).get("id"));
        assertEquals(4, shop.stock(lamp));
    }

    @Test
    void aShopperOverTheLimitIsA429WithRetryAfterAndOrdersNothing() {
        // GIVEN checkout limited to 2 a minute, 20 s into a window
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:20Z"), ZoneOffset.UTC);
        CheckoutHandler limited = new CheckoutHandler(shop.checkout, new DynamoDbRateLimiter(aws.dynamoDb(),
                aws.tableName("RateLimitsTable"), "checkout", RateLimit.parse("2/60").orElseThrow(), clock));
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        ApiEvents attempt = ApiEvents.request("POST", "/checkout").json(BODY).caller(ann);
        // a first attempt without a key is refused, yet counts: the limit is on attempts
        assertEquals(400, limited.handleRequest(attempt.build(), null).getStatusCode());
        assertEquals(201, limited.handleRequest(attempt.header("idempotency-key", "rate-1").build(), null).getStatusCode());
        // WHEN a third comes in the same minute, even a replay of the placed one
        APIGatewayV2HTTPResponse refused = limited.handleRequest(attempt.header("idempotency-key", "rate-2").build(), null);
        // THEN 429 rate-limited, come back when the minute is over, and no second order
        Responses.assertProblem(refused, 429, "rate-limited");
        assertEquals("40", refused.getHeaders().get("retry-after"));
        assertEquals(1, shop.ordersOf(ann));
        // another shopper is not held back
        String bob = shop.shopperWith(lamp, 1);
        assertEquals(201, limited.handleRequest(ApiEvents.request("POST", "/checkout").json(BODY).caller(bob)
                .header("idempotency-key", "rate-3").build(), null).getStatusCode());
    }

    @Test
    void aMissingOrMalformedKeyIsA400BeforeAnythingIsRead() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        Responses.assertProblem(post(ann, null, BODY), 400, "bad-request");
        Responses.assertProblem(post(ann, "x".repeat(10_000), BODY), 400, "bad-request");
        Responses.assertProblem(post(ann, "has space", BODY), 400, "bad-request");
        Responses.assertProblem(post(ann, "", BODY), 400, "bad-request");
        Responses.assertProblem(post(null, "k", BODY), 401, "unauthorized");
        assertEquals(5, shop.stock(lamp));
        assertEquals(0, shop.ordersOf(ann));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"paymentMethod\":\"pm_card_visa\"}",
            "{\"shippingAddress\":{\"name\":\"A\",\"lines\":[],\"city\":\"B\",\"postalCode\":\"1\",\"country\":\"DE\"},\"paymentMethod\":\"pm_card_visa\"}",
            "{\"shippingAddress\":{\"name\":\"A\",\"lines\":[\"x\"],\"city\":\"B\",\"postalCode\":\"1\",\"country\":\"XX\"},\"paymentMethod\":\"pm_card_visa\"}",
            "{\"shippingAddress\":{\"name\":\"A\",\"lines\":[\"x\"],\"city\":\"B\",\"postalCode\":\"1\",\"country\":\"DE\"}}",
            "{\"shippingAddress\":{\"name\":\"A\",\"lines\":[\"x\"],\"city\":\"B\",\"postalCode\":\"1\",\"country\":\"DE\"},\"paymentMethod\":\"pm_card_visa\",\"expectedTotal\":{\"amount\":1.5,\"currency\":\"EUR\"}}",
            "{\"shippingAddress\":{\"name\":\"A\",\"lines\":[\"x\"],\"city\":\"B\",\"postalCode\":\"1\",\"country\":\"DE\"},\"paymentMethod\":\"pm_card_visa\",\"total\":1}",
            "{\"shippingAddress\":{\"name\":\"A\",\"lines\":[\"x\"],\"city\":\"B\",\"postalCode\":\"1\",\"country\":\"DE\"},\"paymentMethod\":\"pm_card_visa\",\"promoCode\":\"<script>\"}"})
    void anInvalidBodyIsA400AndWritesNothing(String body) {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        Responses.assertProblem(post(ann, "k-" + body.hashCode(), body), 400, "validation");
        assertEquals(5, shop.stock(lamp));
        assertEquals(1, shop.carts.view(ann).lines().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"name\":\"Eve\\r\\nX-Injected: yes\"", "\"lines\":[\"Hauptstr. 1\\nAttn: Mallory\"]",
            "\"postalCode\":\"\\u202e51101\"", "\"postalCode\":\"\\u200b\"",
            "\"city\":\"B\\udb40\\udc41\\udb40\\udc42\""})
    void anAddressFieldIsOneVisibleLine(String field) {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        String name = field.substring(1, field.indexOf('"', 1));
        String body = BODY.replaceFirst("\"" + name + "\":(\\[[^\\]]*\\]|\"[^\"]*\")", Matcher.quoteReplacement(field));
        JsonNode problem = Responses.assertProblem(post(ann, "k-" + field.hashCode(), body), 400, "validation");
        assertEquals(true, problem.at("/errors/0/pointer").asText().startsWith("/shippingAddress/" + name), problem.toString());
        assertEquals(5, shop.stock(lamp));
    }

    @Test
    void aSoldOutLineIsA409NamingIt() {
        String lamp = shop.product("Lamp", 1999, "EUR", 1);
        String ann = shop.shopperWith(lamp, 3);
        JsonNode problem = Responses.assertProblem(post(ann, "k", BODY), 409, "insufficient-stock");
        assertEquals("/lines/0", problem.at("/errors/0/pointer").asText());
    }
}
