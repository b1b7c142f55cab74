package kiosk.jobs.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.orders.cart.CartService;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.cart.DynamoDbProductCatalog;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.CheckoutInput;
import kiosk.orders.checkout.CheckoutService;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.ShippingRates;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.log.Log;
import kiosk.shared.money.Money;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.EventFiles;
import kiosk.testkit.Handlers;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Primers;
import kiosk.testkit.SqsEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment function as the OrdersQueue's event source drives it, against ElasticMQ and DynamoDB
 * Local: its events/ file answered by the handler the template names (no-argument constructor,
 * template environment); an outage holds the message back instead of failing it; poison is
 * reported without holding back the rest of its batch.
 */
@ExtendWith(LocalAwsExtension.class)
class PayOrdersHandlerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private final LocalAws aws;
    private final String queue;
    private final DynamoDbOrderStore orders;
    private final DynamoDbSimulatorStore simulator;

    PayOrdersHandlerIT(LocalAws aws) {
        this.aws = aws;
        this.queue = aws.queueUrl("OrdersQueue");
        this.orders = new DynamoDbOrderStore(aws.dynamoDb(), new DynamoDbOrderStore.Tables(aws.tableName("OrdersTable"),
                aws.tableName("ProductsTable"), aws.tableName("CartsTable"), aws.tableName("IdempotencyTable"),
                aws.tableName("PromotionsTable")));
        this.simulator = new DynamoDbSimulatorStore(aws.dynamoDb(), aws.tableName("PaymentSimulatorTable"));
        simulator.setSwitches(SimulatorStore.Switches.NORMAL);
    }

    private String place(String orderId, String userId, String paymentMethod) {
        DynamoDbProductStore products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        String product = UUID.randomUUID().toString();
        products.create(new Product(product, "Lamp", "", "misc", new Money(1500L, "EUR"), 5, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        DynamoDbCartStore carts = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        DynamoDbProductCatalog catalog = new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable"));
        new CartService(carts, catalog, CLOCK).setLine(userId, product, 1, OptionalLong.empty());
        return new CheckoutService(carts, catalog, orders, new PromotionService(new DynamoDbPromotionStore(aws.dynamoDb(),
                aws.tableName("PromotionsTable")), CLOCK), ShippingRates.parse("EUR:495:5000"), CLOCK, () -> orderId)
                .checkout(userId, "k", new CheckoutInput(new Address("Sam", List.of("1 Sample Road"), "Leeds", "LS1 1AA",
                        "GB"), null, paymentMethod, null)).order().id();
    }

    /** The messages on the queue now, received as the event source receives them, as an SQS event. */
    private Map<String, Object> received() {
        return SqsEvents.received(aws.sqs(), queue);
    }

    private void announce(String body) {
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
    }

    /** The handler on the simulated gateway and the template's OrdersQueue, with the default retry schedule. */
    private PayOrdersHandler handler() {
        return new PayOrdersHandler(new PaymentService(orders, new SimulatedGateway(simulator, CLOCK),
                CLOCK), new SqsRetryQueue(aws.sqs(), queue), RetrySchedule.DEFAULT);
    }

    private OrderStatus status(String orderId) {
        return orders.find(orderId).orElseThrow().status();
    }

    @Test
    void theEventFileIsAnsweredByTheTemplatesHandlerAndItsOrderIsPaid() throws Exception {
        place("6a1f0c3e-sample-paid-order", "7d0f3c52-sample-payer", "pm_card_visa");
        Map<String, String> environment = new HashMap<>();
        FunctionConfiguration function = aws.functions().get("PayOrdersFunction");
        environment.putAll(function.environment());
        CONFIG.set(environment);
        Object handler = Handlers.construct(function);
        assertEquals(Map.of("batchItemFailures", List.of()),
                Handlers.invoke(handler, Files.readString(EventFiles.of("PayOrdersFunction"))));
        assertEquals(OrderStatus.PAID, status("6a1f0c3e-sample-paid-order"));
    }

    /**
     * SnapStart's primer: built as Lambda builds it (template environment, the simulator gateway),
     * its priming changes no item of any table, and the event it sends is one the gateway never
     * sees: a handler whose gateway fails on any call answers it as poison.
     */
    @Test
    void thePrimerReadsAnOrderThatCannotExistAndNeverReachesTheGateway() {
        Map<String, String> environment = new HashMap<>(aws.functions().get("PayOrdersFunction").environment());
        CONFIG.set(environment);
        Primers.assertPrimingChangesNothing(aws, List.of(aws.functions().get("PayOrdersFunction")));

        PaymentGateway none = new PaymentGateway() {
            @Override
            public Charge charge(ChargeRequest request) {
                throw new AssertionError("a primer charged " + request.orderId());
            }

            @Override
            public java.util.Optional<Charge> findCharge(String idempotencyKey) {
                throw new AssertionError("a primer asked the gateway about " + idempotencyKey);
            }

            @Override
            public String refund(RefundRequest request) {
                throw new AssertionError("a primer refunded " + request.orderId());
            }
        };
        PayOrdersHandler handler = new PayOrdersHandler(new PaymentService(orders, none, CLOCK),
                new SqsRetryQueue(aws.sqs(), queue), RetrySchedule.DEFAULT);
        assertEquals(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "priming"))),
                handler.handleRequest(PayOrdersHandler.PRIMING_EVENT, null));
    }

    @Test
    void duringAnOutageTheMessageIsHeldBackNotFailedAndPoisonDoesNotHoldBackTheRest() throws Exception {
        aws.sqs().purgeQueue(b -> b.queueUrl(queue));
        String order = place(UUID.randomUUID().toString(), "payer-" + UUID.randomUUID(), "pm_card_visa");
        String declined = place(UUID.randomUUID().toString(), "payer-" + UUID.randomUUID(), "pm_card_chargeDeclined");
        announce("{\"orderId\":\"" + order + "\"}");
        announce("{\"orderId\":\"" + declined + "\"}");
        announce("not json");
        announce("{\"orderId\":\"no-such-order\"}");
        PayOrdersHandler handler = handler();

        Map<String, Object> batch = new HashMap<>();
        List<Object> records = new java.util.ArrayList<>();
        for (int i = 0; i < 5 && records.size() < 4; i++) {
            records.addAll((List<?>) received().get("Records"));
        }
        batch.put("Records", records);
        simulator.setSwitches(new SimulatorStore.Switches(true, 0));
        Map<String, Object> answer;
        try {
            answer = handler.handleRequest(batch, null);
        } finally {
            simulator.setSwitches(SimulatorStore.Switches.NORMAL);
        }
        assertEquals(4, ((List<?>) answer.get("batchItemFailures")).size(), "all four back: two for the outage, two poison");
        assertEquals(OrderStatus.PENDING_PAYMENT, status(order));
        assertEquals(OrderStatus.PENDING_PAYMENT, status(declined));
        // The two held back are not visible again at once; the poison comes back after the visibility timeout.
        assertEquals(List.of(), received().get("Records"), "held back, not redelivered at once");

        // The outage over: each order is paid once when its message comes back.
        Map<String, Object> again = Map.of("Records", records.stream()
                .filter(r -> String.valueOf(((Map<?, ?>) r).get("body")).matches(".*(" + order + "|" + declined + ").*")).toList());
        assertEquals(2, ((List<?>) again.get("Records")).size());
        assertEquals(Map.of("batchItemFailures", List.of()), handler.handleRequest(again, null));
        assertEquals(OrderStatus.PAID, status(order));
        assertEquals(OrderStatus.PAYMENT_FAILED, status(declined));
        assertEquals(1, simulator.ledger().stream().filter(e -> e.orderId().equals(order)).count());
    }

    @Test
    void eachMessagesLinesCarryItsOrderAndCheckoutAndEachInvocationWritesItsMetrics() throws Exception {
        String paid = place(UUID.randomUUID().toString(), "payer-" + UUID.randomUUID(), "pm_card_visa");
        String declined = place(UUID.randomUUID().toString(), "payer-" + UUID.randomUUID(), "pm_card_chargeDeclined");
        PayOrdersHandler handler = handler();
        Map<String, Object> event = Map.of("Records", List.of(
                Map.of("messageId", "m-1", "receiptHandle", "r-1", "body",
                        "{\"orderId\":\"" + paid + "\",\"checkoutRequestId\":\"checkout-req-1\"}"),
                Map.of("messageId", "m-2", "receiptHandle", "r-2", "body", "{\"orderId\":\"" + declined + "\"}")));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Map.of("batchItemFailures", List.of()), handler.handleRequest(event, null));
        } finally {
            Log.redirect(previous);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            lines.add(json.readTree(line));
        }
        JsonNode paidLine = lines.stream().filter(l -> l.path("message").asText().equals("order paid")).findFirst().orElseThrow();
        assertEquals(paid, paidLine.path("orderId").asText());
        assertEquals("checkout-req-1", paidLine.path("checkoutRequestId").asText(), "followed from its checkout");
        JsonNode declinedLine = lines.stream().filter(l -> l.path("message").asText().equals("payment declined"))
                .findFirst().orElseThrow();
        assertEquals(declined, declinedLine.path("orderId").asText());
        assertTrue(declinedLine.path("checkoutRequestId").isMissingNode(), "the first message's tags do not leak");
        List<JsonNode> metrics = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(1, metrics.size(), "one metrics line an invocation");
        JsonNode emf = metrics.get(0);
        assertEquals(1, emf.path("PaymentsSucceeded").asInt());
        assertEquals(1, emf.path("PaymentsDeclined").asInt());
        assertEquals(0, emf.path("PaymentsRetried").asInt());
        assertEquals(0, emf.path("PaymentsRefunded").asInt());
        assertEquals(2, emf.path("ChargeLatency").size(), "a latency for each charge");
        assertEquals("Kiosk", emf.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
    }

    /**
     * From an attack: a gateway slower than the function's timeout made every delivery time out,
     * so the message came back only after the visibility timeout, without the backoff, and reached
     * the DLQ after its receives. A call now times out on its own (5 s) as unavailable: held back.
     */
    @Test
    void aGatewaySlowerThanItsCallTimeoutIsUnavailableAndTheMessageIsHeldBack() throws Exception {
        aws.sqs().purgeQueue(b -> b.queueUrl(queue));
        String order = place(UUID.randomUUID().toString(), "payer-" + UUID.randomUUID(), "pm_card_visa");
        announce("{\"orderId\":\"" + order + "\"}");
        PayOrdersHandler handler = handler();
        Map<String, Object> batch = received();
        simulator.setSwitches(new SimulatorStore.Switches(false, 8_000));
        long started = System.nanoTime();
        Map<String, Object> answer;
        try {
            answer = handler.handleRequest(batch, new Remaining(60_000));
        } finally {
            simulator.setSwitches(SimulatorStore.Switches.NORMAL);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 8, "the call gave up at its own timeout: " + seconds + " s");
        assertEquals(1, ((List<?>) answer.get("batchItemFailures")).size());
        assertEquals(OrderStatus.PENDING_PAYMENT, status(order));
        assertEquals(List.of(), received().get("Records"), "held back with the backoff, not redelivered at once");
    }

    @Test
    void whenTheInvocationsTimeRunsLowTheRestOfTheBatchGoesBackUnstarted() throws Exception {
        aws.sqs().purgeQueue(b -> b.queueUrl(queue));
        String order = place(UUID.randomUUID().toString(), "payer-" + UUID.randomUUID(), "pm_card_visa");
        announce("{\"orderId\":\"" + order + "\"}");
        PayOrdersHandler handler = handler();
        Map<String, Object> answer = handler.handleRequest(received(), new Remaining(10_000));
        assertEquals(1, ((List<?>) answer.get("batchItemFailures")).size());
        assertEquals(OrderStatus.PENDING_PAYMENT, status(order), "not started");
        List<?> again = (List<?>) received().get("Records");
        assertEquals(1, again.size(), "back on the queue at once, for the next invocation");
        assertEquals(Map.of("batchItemFailures", List.of()), handler.handleRequest(Map.of("Records", again),
                new Remaining(60_000)));
        assertEquals(OrderStatus.PAID, status(order));
    }

    /** Lambda's context as far as the handler reads it: a request id and the time left. */
    private record Remaining(int millis) implements Context {
        @Override
        public String getAwsRequestId() {
            return "test-request";
        }

        @Override
        public int getRemainingTimeInMillis() {
            return millis;
        }

        @Override
        public String getLogGroupName() {
            return null;
        }

        @Override
        public String getLogStreamName() {
            return null;
        }

        @Override
        public String getFunctionName() {
            return "PayOrdersFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return null;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }

    @Test
    void theDelayGrowsFromTenSecondsAndStopsAtTenMinutes() {
        for (int received = 1; received <= 20; received++) {
            long base = Math.min(600, 10L << (received - 1));
            Duration delay = RetrySchedule.DEFAULT.delay(received);
            assertTrue(delay.toSeconds() >= base && delay.toSeconds() <= base + base / 2, received + ": " + delay);
        }
    }
}
