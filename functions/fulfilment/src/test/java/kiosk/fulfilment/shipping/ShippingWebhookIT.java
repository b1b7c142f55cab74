package kiosk.fulfilment.shipping;

import static kiosk.testkit.Responses.assertProblem;
import static kiosk.testkit.Responses.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import kiosk.emulator.LocalAws;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /webhooks/shipping against DynamoDB Local: what a partner's signed events do to an order,
 * and that forgery, an old timestamp, a replay, a duplicate or an event out of order changes
 * nothing it should not.
 */
@ExtendWith(LocalAwsExtension.class)
class ShippingWebhookIT {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String SECRET = "partner-secret-0123456789abcdefghijklmnopqrstuvwxyz";

    private final PaidOrders shop;
    private final ShippingWebhookHandler handler;
    private final WebhookSignature partner = new WebhookSignature(SECRET);

    ShippingWebhookIT(LocalAws aws) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        this.shop = new PaidOrders(aws, clock);
        this.handler = new ShippingWebhookHandler(new ShippingWebhookService(partner, shop.orders,
                new DynamoDbShipmentEvents(aws.dynamoDb(), aws.tableName("ShippingEventsTable"),
                        aws.tableName("OrdersTable")), clock));
    }

    /** A paid order handed to the partner: FULFILLING with shipment shp-ORDER. */
    private Order fulfilling() {
        Order paid = shop.paid();
        return shop.orders.handOver(paid, "shp-" + paid.id(), NOW.toString());
    }

    private static String event(String id, String type, Order order, String extra) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2026-11-21T09:59:00Z\",\"shipmentId\":\"shp-"
                + order.id() + "\",\"orderId\":\"" + order.id() + "\"" + extra + "}";
    }

    private static String shipped(String id, Order order) {
        return event(id, ShippingEvent.SHIPPED, order, ",\"carrier\":\"Kiosk Post\",\"trackingNumber\":\"KP123\"");
    }

    private APIGatewayV2HTTPResponse post(String body, String signature) {
        ApiEvents request = ApiEvents.request("POST", "/webhooks/shipping").json(body);
        if (signature != null) {
            request.header("Kiosk-Signature", signature);
        }
        return handler.handleRequest(request.build(), null);
    }

    private APIGatewayV2HTTPResponse signed(String body) {
        return post(body, partner.header(body.getBytes(StandardCharsets.UTF_8), NOW));
    }

    @Test
    void shippedThenDeliveredMoveTheOrderAndRecordCarrierTrackingAndTimes() {
        Order order = fulfilling();
        APIGatewayV2HTTPResponse shipped = signed(shipped("evt-s-" + order.id(), order));
        assertEquals(200, shipped.getStatusCode(), shipped::getBody);
        assertEquals("SHIPPED", body(shipped).get("status").asText());
        Order.Shipment shipment = shop.find(order.id()).shipment();
        assertEquals("Kiosk Post", shipment.carrier());
        assertEquals("KP123", shipment.trackingNumber());
        assertEquals("2026-11-21T09:59:00Z", shipment.shippedAt());

        assertEquals(200, signed(event("evt-d-" + order.id(), ShippingEvent.DELIVERED, order, "")).getStatusCode());
        Order delivered = shop.find(order.id());
        assertEquals(OrderStatus.DELIVERED, delivered.status());
        assertEquals("2026-11-21T09:59:00Z", delivered.shipment().deliveredAt());
        assertEquals(order.version() + 2, delivered.version());
    }

    @Test
    void aForgedStaleOrTamperedRequestIsRefusedWith401AndChangesNothing() {
        Order order = fulfilling();
        String body = shipped("evt-f-" + order.id(), order);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        WebhookSignature forger = new WebhookSignature("not-the-partner-secret-0123456789abcdefghijkl");
        List<String> refused = List.of(
                forger.header(bytes, NOW),
                partner.header(bytes, NOW.minus(Duration.ofMinutes(5)).minusSeconds(1)),
                partner.header(bytes, NOW.plus(Duration.ofMinutes(6))),
                partner.header((body + " ").getBytes(StandardCharsets.UTF_8), NOW),
                "t=" + NOW.getEpochSecond(),
                "v1=" + partner.header(bytes, NOW).split("v1=")[1],
                "garbage");
        for (String signature : refused) {
            assertProblem(post(body, signature), 401, "webhook-signature-refused");
        }
        assertProblem(post(body, null), 401, "webhook-signature-refused");
        assertEquals(order, shop.find(order.id()), "nothing changed");
        // The same event, signed right, still applies: none of the refusals recorded its id.
        assertEquals(200, signed(body).getStatusCode());
    }

    @Test
    void aTimestampWithinFiveMinutesIsAccepted() {
        Order order = fulfilling();
        String body = shipped("evt-t-" + order.id(), order);
        String fourMinutesOld = partner.header(body.getBytes(StandardCharsets.UTF_8), NOW.minus(Duration.ofMinutes(4)));
        assertEquals(200, post(body, fourMinutesOld).getStatusCode());
    }

    @Test
    void aReplayedEventIdIsRefusedWith409AndHasNoSecondEffect() {
        Order order = fulfilling();
        String body = shipped("evt-r-" + order.id(), order);
        assertEquals(200, signed(body).getStatusCode());
        Order after = shop.find(order.id());
        assertProblem(signed(body), 409, "webhook-event-replayed");
        // Even re-signed with a fresh timestamp, and even as another type, the id is spent.
        assertProblem(signed(event("evt-r-" + order.id(), ShippingEvent.DELIVERED, order, "")), 409,
                "webhook-event-replayed");
        assertEquals(after, shop.find(order.id()));
    }

    @Test
    void deliveredBeforeShippedStillEndsDeliveredWithTheTrackingTheLateShippedBrings() {
        Order order = fulfilling();
        assertEquals(200, signed(event("evt-d1-" + order.id(), ShippingEvent.DELIVERED, order, "")).getStatusCode());
        assertEquals(OrderStatus.DELIVERED, shop.find(order.id()).status());
        APIGatewayV2HTTPResponse late = signed(shipped("evt-s1-" + order.id(), order));
        assertEquals(200, late.getStatusCode(), late::getBody);
        assertEquals("DELIVERED", body(late).get("status").asText(), "never moved back");
        Order ended = shop.find(order.id());
        assertEquals(OrderStatus.DELIVERED, ended.status());
        assertEquals("KP123", ended.shipment().trackingNumber());
        assertEquals("2026-11-21T09:59:00Z", ended.shipment().shippedAt());
        assertNull(ended.shipment().returnedAt());
    }

    @Test
    void theSameEventSentEightTimesAtOnceAppliesExactlyOnce() throws Exception {
        Order order = fulfilling();
        String body = shipped("evt-race-" + order.id(), order);
        List<Callable<Integer>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sends.add(() -> signed(body).getStatusCode());
        }
        List<Integer> statuses = new ArrayList<>(Race.atOnce(sends));
        Collections.sort(statuses);
        assertEquals(List.of(200, 409, 409, 409, 409, 409, 409, 409), statuses);
        assertEquals(order.version() + 1, shop.find(order.id()).version());
    }

    @Test
    void shippedAndDeliveredAtOnceBothApplyOnTopOfEachOther() throws Exception {
        Order order = fulfilling();
        List<Integer> statuses = Race.atOnce(List.of(
                () -> signed(shipped("evt-a-" + order.id(), order)).getStatusCode(),
                () -> signed(event("evt-b-" + order.id(), ShippingEvent.DELIVERED, order, "")).getStatusCode()));
        assertEquals(List.of(200, 200), statuses);
        Order ended = shop.find(order.id());
        assertEquals(OrderStatus.DELIVERED, ended.status());
        assertEquals("KP123", ended.shipment().trackingNumber());
        assertEquals(order.version() + 2, ended.version());
    }

    @Test
    void eventsForOrdersNotWithThePartnerAreRefusedAndNotSpent() {
        Order paid = shop.paid();
        String early = shipped("evt-e-" + paid.id(), paid);
        APIGatewayV2HTTPResponse notYet = signed(early);
        assertProblem(notYet, 409, "order-not-yet-shipping");
        assertEquals("5", notYet.getHeaders().get("retry-after"));
        shop.orders.handOver(paid, "shp-" + paid.id(), NOW.toString());
        assertEquals(200, signed(early).getStatusCode(), "the refused event was not recorded: its retry applies");

        Order other = fulfilling();
        String wrongShipment = shipped("evt-w-" + other.id(), other).replace("shp-" + other.id(), "shp-someone-else");
        assertProblem(signed(wrongShipment), 409, "order-not-shipping");
        assertProblem(signed(shipped("evt-u", other).replace(other.id() + "\"", "no-such-order\"")), 404,
                "webhook-order-unknown");
        assertEquals(other, shop.find(other.id()));
    }

    @Test
    void aSignedButInvalidEventIs400AndOtherBodiesTheirOwn4xx() {
        Order order = fulfilling();
        for (String body : List.of("{", "[]", "{\"id\":\"x\"}", event("evt-x", "shipment.lost", order, ""),
                shipped("evt-y", order).replace("2026-11-21T09:59:00Z", "yesterday"),
                event("evt-z", ShippingEvent.SHIPPED, order, ""),
                shipped("evt-q", order).replace("}", ",\"id\":\"twice\"}"),
                shipped("evt-o1", order).replace("2026-11-21T09:59:00Z", "2026-11-21T10:59:00+01:00"),
                shipped("evt-o2", order).replace("2026-11-21T09:59:00Z", "2026-11-21T23:59:60Z"),
                shipped("evt-o3", order).replace("2026-11-21T09:59:00Z", "+999999999-12-31T23:59:59Z"),
                shipped("evt-o4", order).replace("2026-11-21T09:59:00Z", "2026-11-21T10:06:00Z"),
                shipped("evt-o5", order).replace("2026-11-21T09:59:00Z", "2026-01-01T00:00:00Z"))) {
            assertProblem(signed(body), 400, "webhook-event-invalid");
        }
        APIGatewayV2HTTPResponse text = handler.handleRequest(ApiEvents.request("POST", "/webhooks/shipping")
                .header("content-type", "text/plain").body("hello").build(), null);
        assertEquals(415, text.getStatusCode());
        String huge = shipped("evt-h", order).replace("}", ",\"pad\":\"" + "x".repeat(20_000) + "\"}");
        assertEquals(413, signed(huge).getStatusCode());
        assertEquals(order, shop.find(order.id()));
    }
}
