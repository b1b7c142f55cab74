package kiosk.fulfilment.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.shared.json.Json;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The simulated partner calling back (PartnerCallbacksQueue): each event signed and POSTed to the
 * API's webhook route, exactly as a partner would, so the route's checks are exercised by every
 * order. Only the simulator's own shipments are called back, each event rebuilt from its record
 * (never taken from the message), and not once the shipment is cancelled. 2xx, or 409 for an event
 * already received, is done; a 409 for an order still being handed over, a 429, a 5xx or no answer
 * is tried again later; a 409 for an order not to be shipped is dropped; any other refusal is poison.
 */
public final class PartnerCallbacksHandler extends EventFunction {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimulatorStore simulator;
    private final WebhookSignature signature;
    private final URI webhook;
    private final HttpClient http;
    private final Clock clock;
    private final AnnouncementBatch batch;

    public PartnerCallbacksHandler() {
        this(ShippingWiring.simulator(), ShippingWiring.signature(), ShippingWiring.webhookUrl(),
                ShippingWiring.callbacksQueue(), ShippingWiring.callbacksRetries(), Clock.systemUTC());
        SnapStart.prime("PartnerCallbacks", () -> {
            prime(PRIMING_EVENT);
            primeDelivery();
        });
    }

    /**
     * The primer's message: a SHIPPED callback for an order that cannot exist, so the simulator's
     * record is looked up and found missing, and no webhook is called.
     */
    static final Map<String, Object> PRIMING_EVENT = AnnouncementBatch.primingEvent(Map.of("callback", "SHIPPED"));

    public PartnerCallbacksHandler(SimulatorStore simulator, WebhookSignature signature, URI webhook, RetryQueue queue,
            RetrySchedule schedule, Clock clock) {
        this.simulator = simulator;
        this.signature = signature;
        this.webhook = webhook;
        this.clock = clock;
        this.http = client();
        this.batch = new AnnouncementBatch(queue, schedule, TIMEOUT.plusSeconds(3));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return batch.process(event, context, (message, orderId, messageId) -> send(message, orderId)).response();
    }

    private void send(JsonNode message, String orderId) {
        CallbackQueue.Callback callback;
        try {
            callback = CallbackQueue.Callback.valueOf(message.path("callback").asText());
        } catch (IllegalArgumentException e) {
            throw new AnnouncementBatch.Poison("no callback (SHIPPED or DELIVERED) in the message");
        }
        SimulatorStore.Shipment shipment = simulator.find(orderId)
                .orElseThrow(() -> new AnnouncementBatch.Poison("the simulator booked no shipment for the order"));
        if (shipment.cancelled()) {
            Log.info("callback dropped: the shipment was cancelled", "callback", callback.name());
            return;
        }
        // Rebuilt from the simulator's own record, never taken from the message; it happens now,
        // when its delay is up: the simulated parcel ships or arrives as it calls.
        ShippingEvent event = SimulatedPartner.event(shipment, callback, clock.instant().toString());
        HttpResponse<String> response = deliver(http, webhook, event);
        int status = response.statusCode();
        String type = problemType(response.body());
        if (status / 100 == 2 || status == 409 && type.endsWith(":" + ShippingWebhookService.REPLAYED.slug())) {
            Log.info("callback delivered", "eventId", event.id(), "type", event.type(), "status", status);
            return;
        }
        if (status == 409 && type.endsWith(":" + ShippingWebhookService.NOT_YET_SHIPPING.slug())
                || status == 429 || status >= 500) {
            throw new AnnouncementBatch.TryLater("the webhook answered " + status + " " + type);
        }
        if (status == 409) {
            // The order is not to be shipped (cancelled meanwhile): nothing the partner can do.
            Log.warn("callback refused for good: dropped", "eventId", event.id(), "status", status, "type", type);
            return;
        }
        throw new AnnouncementBatch.Poison("the webhook refused the event: " + status + " " + type);
    }

    /** The event written, signed as the partner signs it, and POSTed; the webhook's answer. */
    private HttpResponse<String> deliver(HttpClient client, URI to, ShippingEvent event) {
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(event.asMap());
        } catch (JsonProcessingException e) {
            throw new AnnouncementBatch.Poison("the event cannot be written");
        }
        try {
            return client.send(HttpRequest.newBuilder(to).timeout(TIMEOUT)
                    .header("content-type", "application/json")
                    .header(WebhookSignature.HEADER, signature.header(body, clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AnnouncementBatch.TryLater("the webhook did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnouncementBatch.TryLater("interrupted");
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * The delivery itself primed: an event for a shipment that is no one's, written, signed and
     * POSTed with the JDK's HTTP client, its answer read. The primer's message above stops at the
     * simulator's record, and the first real delivery paid for the HTTP client's classes and code
     * (4.5x a warm one). It goes to a sink of its own on loopback, so nothing leaves the process,
     * through a client of its own, closed after, so the handler's client holds no connection or
     * thread from before a snapshot.
     */
    void primeDelivery() {
        HttpServer sink;
        try {
            sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sink.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] answer = "{\"type\":\"about:blank\",\"status\":202}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "application/problem+json");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        sink.start();
        try (HttpClient client = client()) {
            SimulatorStore.Shipment nobodys = new SimulatorStore.Shipment("priming-order", "shp_priming", "Kiosk Post",
                    "KP000000000", true, false);
            HttpResponse<String> answer = deliver(client, URI.create("http://127.0.0.1:" + sink.getAddress().getPort()
                    + webhook.getRawPath()), SimulatedPartner.event(nobodys, CallbackQueue.Callback.SHIPPED, clock.instant().toString()));
            // Read as a real answer is read (databind's tree); the sink's answer itself means nothing.
            problemType(answer.body());
        } finally {
            sink.stop(0);
        }
    }

    private static String problemType(String body) {
        try {
            JsonNode problem = Json.MAPPER.readTree(body);
            return problem == null ? "" : problem.path("type").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
