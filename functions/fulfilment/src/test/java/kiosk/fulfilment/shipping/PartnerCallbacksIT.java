package kiosk.fulfilment.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiosk.emulator.LocalAws;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.json.Json;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulated partner's callbacks, against a stand-in webhook on loopback: what it sends is
 * rebuilt from the simulator's record and signed right, whatever the queued message claims, so a
 * message someone else put on the queue cannot have a forged event signed.
 */
@ExtendWith(LocalAwsExtension.class)
class PartnerCallbacksIT {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String SECRET = "partner-secret-0123456789abcdefghijklmnopqrstuvwxyz";

    private final LocalAws aws;
    private final DynamoDbSimulatorStore simulator;
    private final List<String> received = new ArrayList<>();
    private final HttpServer webhook;

    PartnerCallbacksIT(LocalAws aws) throws Exception {
        this.aws = aws;
        this.simulator = new DynamoDbSimulatorStore(aws.dynamoDb(), aws.freshTable("ShippingSimulatorTable"));
        this.webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/webhooks/shipping", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String refusal = new WebhookSignature(SECRET).refusal(exchange.getRequestHeaders().getFirst("kiosk-signature"),
                    body, NOW);
            synchronized (received) {
                received.add(refusal == null ? new String(body, StandardCharsets.UTF_8) : "refused: " + refusal);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
    }

    private Map<String, Object> handle(String body) {
        String queue = aws.queueUrl("PartnerCallbacksQueue");
        PartnerCallbacksHandler handler = new PartnerCallbacksHandler(simulator, new WebhookSignature(SECRET),
                URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/shipping"),
                new SqsRetryQueue(aws.sqs(), queue), RetrySchedule.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        return handler.handleRequest(Map.of("Records", List.of(Map.of("messageId", "m-1", "receiptHandle", "r-1",
                "body", body))), null);
    }

    @Test
    void theEventSentIsTheSimulatorsOwnSignedWhateverTheMessageClaims() throws Exception {
        simulator.bookOnce(new SimulatorStore.Shipment("order-a", "shp_a", "Kiosk Post", "KP1", true, false));
        simulator.bookOnce(new SimulatorStore.Shipment("order-b", "shp_b", "Kiosk Post", "KP2", true, false));
        // Someone with access to the queue asks for a return of order-b through order-a's message.
        assertEquals(Map.of("batchItemFailures", List.of()), handle("{\"orderId\":\"order-a\",\"callback\":\"SHIPPED\","
                + "\"event\":{\"id\":\"forged\",\"type\":\"shipment.returned\",\"orderId\":\"order-b\"}}"));
        assertEquals(1, received.size(), received::toString);
        var sent = Json.MAPPER.readTree(received.get(0));
        assertEquals("evt_order-a_shipped", sent.get("id").asText());
        assertEquals("shipment.shipped", sent.get("type").asText());
        assertEquals("order-a", sent.get("orderId").asText());
        assertEquals("shp_a", sent.get("shipmentId").asText());
        assertEquals("KP1", sent.get("trackingNumber").asText());
        assertEquals(NOW.toString(), sent.get("occurredAt").asText());

        // Anything else is poison: no callback it knows, an order it never shipped. Nothing is sent.
        for (String body : List.of("{\"orderId\":\"order-a\",\"callback\":\"RETURNED\"}",
                "{\"orderId\":\"order-c\",\"callback\":\"DELIVERED\"}", "{\"orderId\":\"order-a\"}")) {
            assertEquals(1, ((List<?>) handle(body).get("batchItemFailures")).size(), body);
        }
        simulator.markCancelled("order-b");
        assertEquals(Map.of("batchItemFailures", List.of()), handle("{\"orderId\":\"order-b\",\"callback\":\"DELIVERED\"}"));
        assertTrue(received.size() == 1, "a cancelled shipment is not called back: " + received);
    }

    @Test
    void primingTheDeliverySendsNothingToTheWebhookAndLeavesTheHandlerDelivering() {
        String queue = aws.queueUrl("PartnerCallbacksQueue");
        PartnerCallbacksHandler handler = new PartnerCallbacksHandler(simulator, new WebhookSignature(SECRET),
                URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/shipping"),
                new SqsRetryQueue(aws.sqs(), queue), RetrySchedule.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int round = 0; round < 3; round++) {
            handler.primeDelivery();
        }
        assertEquals(List.of(), received, "the primer's event went to its own sink, not to the webhook");

        simulator.bookOnce(new SimulatorStore.Shipment("order-p", "shp_p", "Kiosk Post", "KP9", true, false));
        assertEquals(Map.of("batchItemFailures", List.of()), handler.handleRequest(Map.of("Records", List.of(Map.of(
                "messageId", "m-2", "receiptHandle", "r-2", "body", "{\"orderId\":\"order-p\",\"callback\":\"SHIPPED\"}"))), null));
        assertEquals(1, received.size(), received::toString);
        assertTrue(received.get(0).contains("\"evt_order-p_shipped\""), received::toString);
    }
}
