package kiosk.jobs.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.LocalAws;
import kiosk.orders.cart.CartService;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.cart.DynamoDbProductCatalog;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.Announcement;
import kiosk.orders.checkout.CheckoutInput;
import kiosk.orders.checkout.CheckoutService;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderAnnouncer;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.ShippingRates;
import kiosk.orders.checkout.SqsOrderQueue;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.PromotionService;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.money.Money;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.SqsEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The outage, compressed ten times by configuration: a 60-second gateway outage becomes
 * 6 seconds, the retry schedule's 10 s doubling to 10 minutes becomes 1 s doubling to 60 s. 100
 * checkouts are placed while the gateway is down and announced on the template's OrdersQueue
 * (ElasticMQ, with its redrive policy of 12 receives to the dead-letter queue); a consumer loop
 * receives, invokes the payment function's handler and deletes what it settled, as Lambda's SQS
 * event source does. Afterwards every order is PAID, charged exactly once, nothing is in the DLQ
 * and nothing is left on the queue.
 */
@ExtendWith(LocalAwsExtension.class)
class PaymentOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final RetrySchedule COMPRESSED =
            new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(60));

    private final LocalAws aws;

    PaymentOutageIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void aGatewayOutageDuringOneHundredCheckoutsEndsWithEveryOrderPaidOnceAndNothingLost() throws Exception {
        String queue = aws.queueUrl("OrdersQueue");
        String deadLetters = aws.queueUrl("OrdersDeadLetterQueue");
        aws.sqs().purgeQueue(b -> b.queueUrl(queue));
        aws.sqs().purgeQueue(b -> b.queueUrl(deadLetters));
        Clock clock = Clock.systemUTC();
        DynamoDbOrderStore orders = new DynamoDbOrderStore(aws.dynamoDb(), new DynamoDbOrderStore.Tables(
                aws.tableName("OrdersTable"), aws.tableName("ProductsTable"), aws.tableName("CartsTable"),
                aws.tableName("IdempotencyTable"), aws.tableName("PromotionsTable")));
        DynamoDbCartStore carts = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        DynamoDbProductCatalog catalog = new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable"));
        CheckoutService checkout = new CheckoutService(carts, catalog, orders, new PromotionService(
                new DynamoDbPromotionStore(aws.dynamoDb(), aws.tableName("PromotionsTable")), clock),
                ShippingRates.parse("EUR:495:5000"), clock, () -> UUID.randomUUID().toString());
        String lamp = UUID.randomUUID().toString();
        DynamoDbProductStore products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        products.create(new Product(lamp, "Lamp", "", "misc", new Money(1999L, "EUR"), 150, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        DynamoDbSimulatorStore simulator = new DynamoDbSimulatorStore(aws.dynamoDb(), aws.tableName("PaymentSimulatorTable"));
        PayOrdersHandler handler = new PayOrdersHandler(new PaymentService(orders, new SimulatedGateway(simulator, clock),
                clock), new SqsRetryQueue(aws.sqs(), queue), COMPRESSED);
        OrderAnnouncer.Queue announcements = new SqsOrderQueue(aws.sqs(), Map.of(OrderAnnouncer.Destination.PAYMENTS, queue,
                OrderAnnouncer.Destination.FULFILMENT, aws.queueUrl("FulfilmentQueue"),
                OrderAnnouncer.Destination.NOTIFICATIONS, aws.queueUrl("NotificationsQueue")));

        AtomicBoolean consuming = new AtomicBoolean(true);
        AtomicInteger invocations = new AtomicInteger();
        Thread eventSource = Thread.ofPlatform().start(() -> {
            while (consuming.get()) {
                List<Message> batch = SqsEvents.receive(aws.sqs(), queue);
                if (batch.isEmpty()) {
                    continue;
                }
                invocations.incrementAndGet();
                List<?> failed = (List<?>) handler.handleRequest(SqsEvents.event(batch), null).get("batchItemFailures");
                for (Message m : batch) {
                    boolean failedHere = failed.stream().anyMatch(f -> m.messageId().equals(((Map<?, ?>) f).get("itemIdentifier")));
                    if (!failedHere) {
                        aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                    }
                }
            }
        });

        List<Order> placed = new ArrayList<>();
        simulator.setSwitches(new SimulatorStore.Switches(true, 0));
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        try {
            for (int i = 0; i < 100; i++) {
                String shopper = "outage-" + UUID.randomUUID();
                new CartService(carts, catalog, clock).setLine(shopper, lamp, 1, OptionalLong.empty());
                Order order = checkout.checkout(shopper, "k", new CheckoutInput(new Address("Ann", List.of("Hauptstrasse 1"),
                        "Berlin", "10115", "DE"), null, "pm_card_visa", null)).order();
                placed.add(order);
                // What the stream's reader sends for an order placed.
                assertEquals(1, announcements.send(List.of(new OrderAnnouncer.Outgoing(OrderAnnouncer.Destination.PAYMENTS,
                        new Announcement(order.id(), order.userId(), order.status(), order.totals().total(), order.currency(),
                                order.createdAt(), order.updatedAt(), null)))));
            }
            Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
            assertTrue(placed.stream().allMatch(o -> orders.find(o.id()).orElseThrow().status() == OrderStatus.PENDING_PAYMENT),
                    "nothing is paid while the gateway is down");
        } finally {
            simulator.setSwitches(SimulatorStore.Switches.NORMAL);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long paid = 0;
        while (System.nanoTime() < deadline) {
            paid = placed.stream().filter(o -> orders.find(o.id()).orElseThrow().status() == OrderStatus.PAID).count();
            if (paid == placed.size()) {
                break;
            }
            Thread.sleep(250);
        }
        consuming.set(false);
        eventSource.join();

        assertEquals(100, paid, "every order PAID after the outage");
        List<String> ids = placed.stream().map(Order::id).toList();
        List<SimulatorStore.Entry> charges = simulator.ledger().stream().filter(e -> ids.contains(e.orderId())).toList();
        assertEquals(100, charges.size(), "exactly one charge an order");
        assertEquals(100, charges.stream().map(SimulatorStore.Entry::orderId).distinct().count());
        Map<String, String> left = aws.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        assertEquals("0", left.get("ApproximateNumberOfMessages"), "nothing lost on the queue");
        assertEquals("0", left.get("ApproximateNumberOfMessagesNotVisible"));
        assertEquals(List.of(), aws.sqs().receiveMessage(b -> b.queueUrl(deadLetters).waitTimeSeconds(1)).messages(),
                "nothing in the dead-letter queue");
        assertTrue(invocations.get() > 10, "the outage was retried: " + invocations.get() + " invocations");
    }
}
