package kiosk.fulfilment.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.json.Json;
import kiosk.shared.log.Metrics;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.EventFiles;
import kiosk.testkit.Handlers;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.SqsEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The fulfilment job against DynamoDB Local and ElasticMQ: a paid order handed to the simulated
 * partner once, however often its message comes; a partner outage retried with backoff and
 * nothing lost; an order cancelled while its shipment was booked gets no shipment.
 */
@ExtendWith(LocalAwsExtension.class)
class FulfilOrdersHandlerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private final LocalAws aws;
    private final PaidOrders shop;
    private final String queue;
    private final String callbacks;
    private final DynamoDbSimulatorStore simulator;

    FulfilOrdersHandlerIT(LocalAws aws) {
        this.aws = aws;
        this.shop = new PaidOrders(aws, CLOCK);
        // Copies of the queues: the tests count exactly what each puts on them.
        this.queue = aws.sqs().createQueue(b -> b.queueName("fulfil-" + UUID.randomUUID())).queueUrl();
        this.callbacks = aws.sqs().createQueue(b -> b.queueName("callbacks-" + UUID.randomUUID())).queueUrl();
        this.simulator = new DynamoDbSimulatorStore(aws.dynamoDb(), aws.freshTable("ShippingSimulatorTable"));
    }

    private FulfilOrdersHandler handler(ShippingPartner partner, RetrySchedule schedule) {
        return new FulfilOrdersHandler(new FulfilmentService(shop.orders, partner, CLOCK), new SqsRetryQueue(aws.sqs(), queue),
                schedule, new Metrics("fulfilment", CLOCK));
    }

    private SimulatedPartner partner() {
        return new SimulatedPartner(simulator, new SqsCallbackQueue(aws.sqs(), callbacks), CLOCK);
    }

    private void announce(Order order) {
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\":\"" + order.id() + "\",\"status\":\"PAID\"}"));
    }

    private Map<String, Object> received() {
        return SqsEvents.received(aws.sqs(), queue);
    }

    /**
     * Every callback queued so far, up to {@code atMost}. The partner queues a booking's callbacks
     * before book() returns, so once the handler has answered they are all in the queue: two
     * empty receives in a row after the first find mean there are no more (waiting out a
     * deadline instead cost this test 15 s).
     */
    private List<JsonNode> callbacksQueued(int atMost) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int emptyInARow = 0;
        while (found.size() < atMost && System.nanoTime() < deadline && (found.isEmpty() || emptyInARow < 2)) {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(callbacks).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(600)).messages();
            emptyInARow = messages.isEmpty() ? emptyInARow + 1 : 0;
            for (Message m : messages) {
                found.add(Json.MAPPER.readTree(m.body()));
            }
        }
        return found;
    }

    @Test
    void aPaidOrderIsHandedOverOnceThoughItsMessageComesTwice() throws Exception {
        simulator.setSwitches(new SimulatorStore.Switches(false, 0, 0, 0));
        Order order = shop.paid();
        announce(order);
        announce(order);
        FulfilOrdersHandler handler = handler(partner(), RetrySchedule.DEFAULT);
        int handled = 0;
        for (int i = 0; i < 5 && handled < 2; i++) {
            Map<String, Object> batch = received();
            handled += ((List<?>) batch.get("Records")).size();
            assertEquals(Map.of("batchItemFailures", List.of()), handler.handleRequest(batch, null));
        }
        assertEquals(2, handled);
        Order fulfilling = shop.find(order.id());
        assertEquals(OrderStatus.FULFILLING, fulfilling.status());
        String shipmentId = simulator.find(order.id()).orElseThrow().shipmentId();
        assertEquals(shipmentId, fulfilling.shipment().shipmentId());
        assertEquals(1, simulator.counts()[0], "one shipment");
        List<JsonNode> queued = callbacksQueued(3);
        assertEquals(List.of("SHIPPED", "DELIVERED"), queued.stream().map(c -> c.at("/callback").asText()).toList(),
                "each callback queued once");
        assertTrue(queued.stream().allMatch(c -> c.at("/orderId").asText().equals(order.id())));
    }

    @Test
    void aPartnerOutageHoldsMessagesBackWithBackoffAndLosesNone() throws Exception {
        simulator.setSwitches(new SimulatorStore.Switches(true, 0, 0, 0));
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Order order = shop.paid();
            orders.add(order);
            announce(order);
        }
        FulfilOrdersHandler handler = handler(partner(), new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(4)));
        long outageEnds = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        Set<String> retried = new java.util.HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && !orders.stream().allMatch(o -> shop.find(o.id()).status() == OrderStatus.FULFILLING)) {
            if (System.nanoTime() > outageEnds) {
                simulator.setSwitches(new SimulatorStore.Switches(false, 0, 900, 900));
            }
            Map<String, Object> batch = received();
            Map<String, Object> answer = handler.handleRequest(batch, null);
            ((List<?>) answer.get("batchItemFailures")).forEach(f -> retried.add(String.valueOf(((Map<?, ?>) f).get("itemIdentifier"))));
        }
        assertTrue(orders.stream().allMatch(o -> shop.find(o.id()).status() == OrderStatus.FULFILLING),
                "every order reached the partner once it was back");
        assertTrue(retried.size() >= 12, "each was held back during the outage: " + retried.size());
        assertEquals(12, simulator.counts()[0], "exactly one shipment per order");
        assertEquals(orders.stream().map(Order::id).collect(Collectors.toSet()), orders.stream()
                .map(o -> simulator.find(o.id()).orElseThrow().orderId()).collect(Collectors.toSet()));
        assertTrue(aws.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages().isEmpty(),
                "nothing left on the queue");
    }

    @Test
    void anOrderCancelledWhileItsShipmentIsBookedGetsTheShipmentCancelled() {
        simulator.setSwitches(new SimulatorStore.Switches(false, 0, 900, 900));
        Order order = shop.paid();
        SimulatedPartner real = partner();
        ShippingPartner cancelledMeanwhile = new ShippingPartner() {
            @Override
            public String book(ShipmentRequest request) {
                String id = real.book(request);
                // The shopper cancels between the booking and the hand-over's write.
                shop.orders.move(shop.find(request.orderId()), OrderStatus.CANCELLING, CLOCK.instant().toString());
                return id;
            }

            private boolean failedOnce;

            @Override
            public void cancel(String orderId) {
                if (!failedOnce) {
                    failedOnce = true;
                    throw new PartnerUnavailableException("the partner is down just then");
                }
                real.cancel(orderId);
            }
        };
        FulfilmentService fulfilment = new FulfilmentService(shop.orders, cancelledMeanwhile, CLOCK);
        try {
            fulfilment.fulfil(order.id());
            throw new AssertionError("the cancel failed: the message must be tried again");
        } catch (ShippingPartner.PartnerUnavailableException expected) {
            assertFalse(simulator.find(order.id()).orElseThrow().cancelled(), "booked, not yet cancelled");
        }
        // The message again: the order is no longer PAID, and its shipment is cancelled all the same.
        assertEquals(FulfilmentService.Outcome.NOT_SHIPPABLE, fulfilment.fulfil(order.id()));
        assertEquals(OrderStatus.CANCELLING, shop.find(order.id()).status());
        assertTrue(simulator.find(order.id()).orElseThrow().cancelled());
        assertTrue(real.cancelled(order.id()));
    }

    @Test
    void anUnknownOrderIsPoisonAndASlowPartnerIsUnavailable() {
        simulator.setSwitches(new SimulatorStore.Switches(false, 0, 900, 900));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\":\"no-such-order\"}"));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("not json"));
        Map<String, Object> batch = received();
        Map<String, Object> answer = handler(partner(), RetrySchedule.DEFAULT).handleRequest(batch, null);
        assertEquals(((List<?>) batch.get("Records")).size(), ((List<?>) answer.get("batchItemFailures")).size());

        simulator.setSwitches(new SimulatorStore.Switches(false, 6_000, 900, 900));
        Order order = shop.paid();
        long started = System.nanoTime();
        try {
            new FulfilmentService(shop.orders, partner(), CLOCK).fulfil(order.id());
            throw new AssertionError("a partner slower than 5 s is unavailable");
        } catch (ShippingPartner.PartnerUnavailableException expected) {
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(6).toNanos(), "given up at the timeout");
        }
        assertEquals(OrderStatus.PAID, shop.find(order.id()).status());
        assertFalse(simulator.find(order.id()).isPresent());
    }

    @Test
    void theEventFileIsAnsweredByTheTemplatesHandler() throws Exception {
        Order order = shop.paid();
        FunctionConfiguration function = aws.functions().get("FulfilOrdersFunction");
        CONFIG.set(new HashMap<>(function.environment()));
        Object handler = Handlers.construct(function);
        String file = Files.readString(EventFiles.of("FulfilOrdersFunction"));
        assertEquals(Map.of("batchItemFailures", List.of()),
                Handlers.invoke(handler, file.replace("4c2e8b1a-sample-shipped-order", order.id())));
        assertEquals(OrderStatus.FULFILLING, shop.find(order.id()).status());
    }
}
