package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * No lost order, against DynamoDB Local's stream of the OrdersTable and ElasticMQ: orders are
 * announced from the stream's inserts, not by the checkout; when SQS fails (a real SQS client
 * pointed where nothing listens, not a mock) the handler names the first order not sent, the
 * stream hands the batch over again from there, and the consumer sees each order exactly once.
 * The stream is read here as Lambda reads it (the local runtime's StreamPoller does the same).
 */
@ExtendWith(LocalAwsExtension.class)
class OrderAnnouncementIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shop shop;
    private final String queue;
    private final Map<OrderAnnouncer.Destination, String> queues;
    private final String streamArn;
    /** Where this test has read each shard of the stream up to. */
    private final Map<String, String> after = new HashMap<>();

    OrderAnnouncementIT(LocalAws aws) {
        this.shop = new Shop(aws);
        this.queue = aws.queueUrl("OrdersQueue");
        this.queues = Map.of(OrderAnnouncer.Destination.PAYMENTS, queue,
                OrderAnnouncer.Destination.FULFILMENT, aws.queueUrl("FulfilmentQueue"),
                OrderAnnouncer.Destination.NOTIFICATIONS, aws.queueUrl("NotificationsQueue"));
        this.streamArn = aws.dynamoDb().describeTable(b -> b.tableName(aws.tableName("OrdersTable"))).table()
                .latestStreamArn();
    }

    @BeforeEach
    void anEmptyQueueAndTheStreamReadToItsEnd() {
        queues.values().forEach(url -> shop.aws.sqs().purgeQueue(b -> b.queueUrl(url)));
        List<Record> earlier;
        do {
            earlier = newRecords();
            earlier.forEach(this::done);
        } while (!earlier.isEmpty());
    }

    /** The stream's records after what this test has read, every shard, in order; not yet marked done. */
    private List<Record> newRecords() {
        List<Record> records = new ArrayList<>();
        for (Shard shard : shop.aws.dynamoDbStreams().describeStream(b -> b.streamArn(streamArn)).streamDescription()
                .shards()) {
            String seen = after.get(shard.shardId());
            String iterator = shop.aws.dynamoDbStreams().getShardIterator(b -> {
                b.streamArn(streamArn).shardId(shard.shardId());
                if (seen == null) {
                    b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
                } else {
                    b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(seen);
                }
            }).shardIterator();
            List<Record> got = shop.aws.dynamoDbStreams().getRecords(b -> b.shardIterator(iterator)).records();
            // The shard rides along in eventSource (unused here) so that done() knows where a record came from.
            got.forEach(r -> records.add(r.toBuilder().eventSource(shard.shardId()).build()));
        }
        return records;
    }

    private void done(Record record) {
        after.put(record.eventSource(), record.dynamodb().sequenceNumber());
    }

    /** The records as the DynamoDB event Lambda hands the function, images in attribute-value JSON. */
    private Map<String, Object> event(List<Record> records) {
        List<Object> out = new ArrayList<>();
        for (Record record : records) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("Keys", image(record.dynamodb().keys()));
            if (record.dynamodb().hasNewImage()) {
                change.put("NewImage", image(record.dynamodb().newImage()));
            }
            if (record.dynamodb().hasOldImage()) {
                change.put("OldImage", image(record.dynamodb().oldImage()));
            }
            change.put("SequenceNumber", record.dynamodb().sequenceNumber());
            change.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
            out.add(Map.of("eventID", record.eventID(), "eventName", record.eventNameAsString(), "eventSource",
                    "aws:dynamodb", "dynamodb", change, "eventSourceARN", streamArn));
        }
        return Map.of("Records", out);
    }

    private static Map<String, Object> image(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static Object value(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case BOOL -> Map.of("BOOL", v.bool());
            case M -> Map.of("M", image(v.m()));
            case L -> Map.of("L", v.l().stream().map(OrderAnnouncementIT::value).toList());
            default -> Map.of("NULL", true);
        };
    }

    /**
     * Lambda's part: hands the new records to the handler; with a failure reported, marks the
     * records before it done and answers the rest, to be handed over again.
     */
    private List<Record> deliver(AnnounceOrdersHandler handler, List<Record> records) {
        Map<String, Object> result = handler.handleRequest(event(records), null);
        List<?> failures = (List<?>) result.get("batchItemFailures");
        if (failures.isEmpty()) {
            records.forEach(this::done);
            return List.of();
        }
        String from = String.valueOf(((Map<?, ?>) failures.get(0)).get("itemIdentifier"));
        int index = records.stream().map(r -> r.dynamodb().sequenceNumber()).toList().indexOf(from);
        assertTrue(index >= 0, "the handler names a record of the batch: " + result);
        records.subList(0, index).forEach(this::done);
        return records.subList(index, records.size());
    }

    /** Every message on the OrdersQueue now, taken off it: what the payment job would get. */
    private List<String> consumed() {
        return consumed(OrderAnnouncer.Destination.PAYMENTS);
    }

    /**
     * Every message on one queue now, taken off it: what its consumer would get. No long poll: a
     * send has returned before this is asked, and ElasticMQ shows a sent message at once, so an
     * empty answer means an empty queue (waiting a second on each call cost this class 15 s).
     */
    private List<String> consumed(OrderAnnouncer.Destination destination) {
        String queue = queues.get(destination);
        List<String> orderIds = new ArrayList<>();
        while (true) {
            List<Message> batch = shop.aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).messageAttributeNames("All")
                    .waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) {
                return orderIds;
            }
            for (Message message : batch) {
                try {
                    JsonNode body = JSON.readTree(message.body());
                    orderIds.add(body.get("orderId").asText());
                    assertEquals(body.get("orderId").asText(), message.messageAttributes().get("orderId").stringValue());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                shop.aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static SqsClient nowhere() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private AnnounceOrdersHandler announcingTo(SqsClient sqs) {
        return new AnnounceOrdersHandler(new OrderAnnouncer(new SqsOrderQueue(sqs, queues)));
    }

    @Test
    void theCheckoutSendsNothingAndTheStreamAnnouncesEachOrderPlaced() {
        String lamp = shop.product("Lamp", 1999, "EUR", 50);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            placed.add(shop.checkout.checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order().id());
        }
        assertEquals(List.of(), consumed(), "a checkout does not wait on SQS");
        List<Record> records = newRecords();
        assertEquals(12, records.stream().filter(r -> r.eventNameAsString().equals("INSERT")).count());
        assertEquals(List.of(), deliver(announcingTo(shop.aws.sqs()), records));
        // A standard queue keeps no order: each order exactly once is what a consumer can count on.
        assertEquals(sorted(placed), sorted(consumed()), "twelve orders, in two batches of SQS's ten");
    }

    @Test
    void aCancelBeforePaymentIsTheShoppersNotificationOnly() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        Order order = shop.checkout.checkout(ann, "k", Shop.input()).order();
        new OrderService(shop.orders, Shop.CLOCK).cancel(ann, order.id());
        List<Record> records = newRecords();
        assertEquals(List.of("INSERT", "MODIFY"), records.stream().map(Record::eventNameAsString).toList());
        assertEquals(List.of(), deliver(announcingTo(shop.aws.sqs()), records));
        assertEquals(List.of(order.id()), consumed(), "the payment job hears of the order once, placed");
        assertEquals(List.of(order.id()), consumed(OrderAnnouncer.Destination.NOTIFICATIONS));
        assertEquals(List.of(), consumed(OrderAnnouncer.Destination.FULFILMENT));
    }

    @Test
    void aPaidOrderGoesToFulfilmentAndTheShopperAndItsCancellationBackToPayment() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        Order order = shop.checkout.checkout(ann, "k", Shop.input()).order();
        Order paid = shop.orders.markPaid(order, "ch_1", "2026-11-21T10:00:01.000Z");
        // A write that is no change of status (a refund recorded) announces nothing.
        shop.orders.recordRefund(order.id(), "ch_1", "re_0", "test");
        assertEquals(List.of(), deliver(announcingTo(shop.aws.sqs()), newRecords()));
        assertEquals(List.of(order.id()), consumed());
        assertEquals(List.of(order.id()), consumed(OrderAnnouncer.Destination.FULFILMENT));
        assertEquals(List.of(order.id()), consumed(OrderAnnouncer.Destination.NOTIFICATIONS));

        assertEquals(OrderStatus.CANCELLING, new OrderService(shop.orders, Shop.CLOCK).cancel(ann, paid.id()).status());
        assertEquals(List.of(), deliver(announcingTo(shop.aws.sqs()), newRecords()));
        assertEquals(List.of(order.id()), consumed(), "the payment job refunds it");
        assertEquals(List.of(), consumed(OrderAnnouncer.Destination.FULFILMENT));
        assertEquals(List.of(), consumed(OrderAnnouncer.Destination.NOTIFICATIONS));
    }

    @Test
    void whenSqsFailsTheOrderWaitsOnTheStreamAndIsAnnouncedExactlyOnceWhenItIsBack() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order order = shop.checkout.checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order();
        assertEquals(4, shop.stock(lamp), "the order is placed whatever happens to its announcement");
        List<Record> left = newRecords();
        try (SqsClient broken = nowhere()) {
            AnnounceOrdersHandler failing = announcingTo(broken);
            for (int attempt = 0; attempt < 3; attempt++) {
                left = deliver(failing, left);
                assertEquals(1, left.size(), "the order's record is handed over again");
                assertEquals(List.of(), consumed(), "nothing reached the queue");
            }
        }
        assertEquals(List.of(), deliver(announcingTo(shop.aws.sqs()), left));
        assertEquals(List.of(order.id()), consumed(), "the consumer sees the order exactly once");
        assertEquals(List.of(), newRecords(), "and the stream has nothing more to hand over");
    }

    @Test
    void aFailurePartWayNamesTheFirstOrderNotSentAndTheOnesBeforeItAreNotSentAgain() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 50);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            placed.add(shop.checkout.checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order().id());
        }
        List<Record> records = newRecords();
        // SQS takes the first ten (one batch), then fails: the handler names the eleventh order.
        try (SqsClient broken = nowhere()) {
            OrderAnnouncer.Queue firstTenThenDown = announcements -> {
                int sent = new SqsOrderQueue(shop.aws.sqs(), queues).send(announcements.subList(0, Math.min(10,
                        announcements.size())));
                return announcements.size() <= 10 ? sent : sent + new SqsOrderQueue(broken, queues)
                        .send(announcements.subList(10, announcements.size()));
            };
            List<Record> left = deliver(new AnnounceOrdersHandler(new OrderAnnouncer(firstTenThenDown)), records);
            assertEquals(5, left.size());
        }
        assertEquals(sorted(placed.subList(0, 10)), sorted(consumed()));
        assertEquals(List.of(), deliver(announcingTo(shop.aws.sqs()), newRecords()));
        assertEquals(sorted(placed.subList(10, 15)), sorted(consumed()), "the last five, once");
    }

    /**
     * The failure injection: a real SQS client whose every tenth call, at random, fails
     * before it is sent (no retries in the client, so the failure reaches the announcer). The
     * stream's recovery path (the batch handed over again from the first change not sent) runs
     * until nothing is left, and then no paid order is without its fulfilment message.
     */
    @Test
    void withOneSendInTenFailingEveryPaidOrderStillReachesFulfilment() {
        String lamp = shop.product("Lamp", 1999, "EUR", 100);
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Order order = shop.checkout.checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order();
            paid.add(shop.orders.markPaid(order, "ch_" + i, "2026-11-21T10:00:01.000Z").id());
        }
        FailOneInTen failures = new FailOneInTen(new Random(20261121));
        int rounds = 0;
        try (SqsClient flaky = SqsClient.builder().endpointOverride(shop.aws.sqsEndpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        shop.aws.keys().accessKeyId(), shop.aws.keys().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(failures).retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            AnnounceOrdersHandler announcer = announcingTo(flaky);
            for (List<Record> left = newRecords(); !left.isEmpty(); rounds++) {
                assertTrue(rounds < 500, "the recovery path converges");
                left = deliver(announcer, left);
                // Lambda hands a shard's batches over one at a time, up to BatchSize (100) each.
                if (left.isEmpty()) {
                    left = newRecords();
                }
            }
        }
        assertTrue(failures.failed > 0, "sends did fail: " + failures.failed + " of " + failures.calls);
        List<String> fulfilment = consumed(OrderAnnouncer.Destination.FULFILMENT);
        assertEquals(sorted(paid), fulfilment.stream().distinct().sorted().toList(), "no paid order without its message");
        assertEquals(sorted(paid), consumed().stream().distinct().sorted().toList(), "and each was announced for payment");
    }

    /** Fails one SQS call in ten, at random, before it leaves this process. */
    private static final class FailOneInTen implements ExecutionInterceptor {
        private final Random random;
        int calls;
        int failed;

        FailOneInTen(Random random) {
            this.random = random;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            calls++;
            if (random.nextInt(10) == 0) {
                failed++;
                throw SdkClientException.create("injected: the send failed");
            }
        }
    }

    @Test
    void aRecordThatIsNoOrderIsPassedOverRatherThanBlockingTheOrdersBehindIt() {
        Map<String, Object> stray = Map.of("Records", List.of(
                Map.of("eventName", "INSERT", "dynamodb", Map.of("SequenceNumber", "1", "NewImage",
                        Map.of("orderId", Map.of("S", "o-1")))),
                Map.of("eventName", "INSERT", "dynamodb", Map.of("SequenceNumber", "2", "NewImage",
                        Map.of("orderId", Map.of("S", "o-2"), "userId", Map.of("S", "u"), "total", Map.of("N", "12"),
                                "status", Map.of("S", "PENDING_PAYMENT"),
                                "currency", Map.of("S", "EUR"), "createdAt", Map.of("S", "2026-11-21T10:00:00.000Z"))))));
        assertEquals(Map.of("batchItemFailures", List.of()), announcingTo(shop.aws.sqs()).handleRequest(stray, null));
        assertEquals(List.of("o-2"), consumed());
    }
}
