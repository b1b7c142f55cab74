package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * No lost order, against DynamoDB Local and ElasticMQ: an order whose announcement fails right
 * after checkout (a real SQS client pointed where nothing listens, not a mock) is announced by the
 * sweeper, and the consumer sees its id exactly once.
 */
@ExtendWith(LocalAwsExtension.class)
class OrderAnnouncementIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shop shop;
    private final String queue;

    OrderAnnouncementIT(LocalAws aws) {
        this.shop = new Shop(aws);
        this.queue = aws.queueUrl("OrdersQueue");
    }

    @BeforeEach
    void anEmptyQueue() {
        shop.aws.sqs().purgeQueue(b -> b.queueUrl(queue));
    }

    /** Every message on the queue now, taken off it: what a consumer would get. */
    private List<String> consumed() {
        List<String> orderIds = new ArrayList<>();
        while (true) {
            List<Message> batch = shop.aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                return orderIds;
            }
            for (Message message : batch) {
                try {
                    JsonNode body = JSON.readTree(message.body());
                    orderIds.add(body.get("orderId").asText());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                shop.aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private boolean marked(String orderId) {
        return shop.aws.dynamoDb().getItem(b -> b.tableName(shop.aws.tableName("OrdersTable"))
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))).item().containsKey("announce");
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

    @Test
    void anOrderIsAnnouncedRightAfterItsCheckoutAndTheSweeperFindsNothingLeft() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order order = shop.checkout.checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order();
        assertFalse(marked(order.id()));
        assertEquals(0, shop.announcer.sweep(Shop.CLOCK.instant().plus(Duration.ofHours(1))));
        assertEquals(List.of(order.id()), consumed());
    }

    @Test
    void whenTheSendFailsTheOrderIsPlacedAndTheSweeperAnnouncesItExactlyOnce() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        try (SqsClient broken = nowhere()) {
            OrderAnnouncer failing = new OrderAnnouncer(new SqsOrderQueue(broken, queue), shop.orders);
            Order order = shop.checkoutAnnouncingWith(failing, Shop.CLOCK).checkout(shop.shopperWith(lamp, 1), "k",
                    Shop.input()).order();
            assertTrue(marked(order.id()), "placed, and marked unannounced");
            assertEquals(4, shop.stock(lamp));
            assertEquals(List.of(), consumed(), "nothing reached the queue");

            assertEquals(0, shop.announcer.sweep(Shop.CLOCK.instant().plusSeconds(30)), "within the grace minute: not yet");
            assertEquals(1, shop.announcer.sweep(Shop.CLOCK.instant().plus(Duration.ofMinutes(2))));
            assertEquals(0, shop.announcer.sweep(Shop.CLOCK.instant().plus(Duration.ofMinutes(3))), "and only once");
            assertFalse(marked(order.id()));
            assertEquals(List.of(order.id()), consumed(), "the consumer sees the order exactly once");
        }
    }

    @Test
    void theScheduledFunctionSweepsAsTheScheduleRunsIt() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        try (SqsClient broken = nowhere()) {
            Order order = shop.checkoutAnnouncingWith(new OrderAnnouncer(new SqsOrderQueue(broken, queue), shop.orders),
                    Shop.CLOCK).checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order();
            Map<String, Object> result = new AnnounceOrdersHandler(shop.announcer,
                    Clock.offset(Shop.CLOCK, Duration.ofMinutes(5))).handleRequest(Map.of("source", "aws.events"), null);
            assertEquals(1, result.get("announced"));
            assertEquals(List.of(order.id()), consumed());
        }
    }
}
