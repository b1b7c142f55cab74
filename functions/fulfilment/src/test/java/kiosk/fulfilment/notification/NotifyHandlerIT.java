package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kiosk.emulator.LocalAws;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.SqsEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The notification job as the NotificationsQueue's event source drives it, against ElasticMQ and
 * DynamoDB Local: orders in the OrdersTable, each test's inbox a fresh copy of the
 * NotificationsTable, so that counts are exact.
 */
@ExtendWith(LocalAwsExtension.class)
class NotifyHandlerIT {

    private final LocalAws aws;
    private final String queue;
    private final String ordersTable;
    private final DynamoDbNotificationStore inbox;
    private final String user = "shopper-" + UUID.randomUUID();

    NotifyHandlerIT(LocalAws aws) {
        this.aws = aws;
        this.queue = aws.queueUrl("NotificationsQueue");
        this.ordersTable = aws.tableName("OrdersTable");
        this.inbox = new DynamoDbNotificationStore(aws.dynamoDb(), aws.freshTable("NotificationsTable"));
        aws.sqs().purgeQueue(b -> b.queueUrl(queue));
    }

    private NotifyHandler handler(Delivery delivery) {
        NotificationService service = new NotificationService(new DynamoDbOrderStore(aws.dynamoDb(),
                new DynamoDbOrderStore.Tables(ordersTable, "", "", "", ""))::find, inbox, delivery);
        return new NotifyHandler(service, new SqsRetryQueue(aws.sqs(), queue), RetrySchedule.DEFAULT);
    }

    /** The order stored as it is, and its last change announced on the queue. */
    private Order announced(Order order) {
        OrderFixtures.put(aws.dynamoDb(), ordersTable, order);
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(OrderFixtures.announcement(order)));
        return order;
    }

    /** Every message on the queue now, received as the event source receives them, as one SQS event. */
    private Map<String, Object> received(int expected) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10 && messages.size() < expected; i++) {
            messages.addAll(SqsEvents.receive(aws.sqs(), queue));
        }
        assertEquals(expected, messages.size(), "messages received");
        return SqsEvents.event(messages);
    }

    private List<Notification> inboxOf(String userId) {
        return inbox.list(userId, 100, Optional.empty()).items();
    }

    private static List<?> failures(Map<String, Object> answer) {
        return (List<?>) answer.get("batchItemFailures");
    }

    @Test
    void eachChangeAShopperHearsOfIsWrittenWithItsWordsAndTheRestArePassedOver() {
        announced(OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.PAID, "2026-11-21T10:01:00.000Z"));
        announced(OrderFixtures.order("o-" + UUID.randomUUID(), user, OrderStatus.PAYMENT_FAILED,
                "2026-11-21T10:02:00.000Z", null, null));
        Order shipped = announced(OrderFixtures.shipped("o-" + UUID.randomUUID(), user, "2026-11-21T10:03:00.000Z"));
        announced(OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.DELIVERED, "2026-11-21T10:04:00.000Z"));
        announced(OrderFixtures.refunded("o-" + UUID.randomUUID(), user, "2026-11-21T10:05:00.000Z"));
        for (OrderStatus other : List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.FULFILLING, OrderStatus.EXPIRED,
                OrderStatus.CANCELLING, OrderStatus.RETURNED)) {
            announced(OrderFixtures.paid("o-" + UUID.randomUUID(), user, other, "2026-11-21T10:06:00.000Z"));
        }

        assertEquals(List.of(), failures(handler(new LogDelivery()).handleRequest(received(10), null)));

        List<Notification> written = inboxOf(user);
        assertEquals(List.of(NotificationType.ORDER_CANCELLED, NotificationType.ORDER_DELIVERED,
                NotificationType.ORDER_SHIPPED, NotificationType.PAYMENT_FAILED, NotificationType.ORDER_CONFIRMED),
                written.stream().map(Notification::type).toList(), "five notifications, newest first");
        assertEquals(List.of("Order cancelled", "Order delivered", "Order shipped", "Payment failed", "Order confirmed"),
                written.stream().map(Notification::title).toList());
        Notification tracked = written.get(2);
        assertEquals(shipped.id(), tracked.orderId());
        assertEquals("Your order is on its way with DHL. Tracking number: 00340434161234567890.", tracked.body());
        assertEquals(new Notification.Data(1995L, "EUR", "DHL", "00340434161234567890"), tracked.data());
        assertEquals("2026-11-21T10:03:00.000Z", tracked.createdAt());
        assertTrue(written.get(0).body().contains("was refunded"), written.get(0).body());
        assertTrue(written.stream().allMatch(n -> !n.read() && n.email() == Notification.EmailStatus.NONE));
    }

    @Test
    void aMessageDeliveredTwiceAndTheSameChangeInTwoMessagesMakeExactlyOneNotification() {
        Order order = announced(OrderFixtures.shipped("o-" + UUID.randomUUID(), user, "2026-11-21T10:03:00.000Z"));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(OrderFixtures.announcement(order)));
        Map<String, Object> both = received(2);
        NotifyHandler handler = handler(new LogDelivery());

        List<String> lines = LogCapture.of(() -> {
            assertEquals(List.of(), failures(handler.handleRequest(both, null)));
            Map<String, Object> first = Map.of("Records", List.of(((List<?>) both.get("Records")).get(0)));
            assertEquals(List.of(), failures(handler.handleRequest(first, null)), "redelivered: done, not failed");
        });

        assertEquals(1, inboxOf(user).size());
        assertEquals(1, lines.stream().filter(l -> l.contains("\"message\":\"notification\"")).count(), lines::toString);
        assertEquals(2, lines.stream().filter(l -> l.contains("notification already written")).count(), lines::toString);
    }

    @Test
    void anUnknownOrderAndAnUnreadableMessageArePoisonAndDoNotHoldBackTheRest() {
        Order known = announced(OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.PAID,
                "2026-11-21T10:01:00.000Z"));
        Order unknown = OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.PAID, "2026-11-21T10:01:00.000Z");
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(OrderFixtures.announcement(unknown)));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("not json"));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\":\"" + known.id() + "\"}"));

        Map<String, Object> answer = handler(new LogDelivery()).handleRequest(received(4), null);

        assertEquals(3, failures(answer).size(), "the unknown order, the text, the announcement without a status");
        assertEquals(List.of(known.id()), inboxOf(user).stream().map(Notification::orderId).toList());
    }

    @Test
    void sesUnreachableHoldsTheMessageBackAndItsRedeliverySendsTheEmail() throws Exception {
        String users = aws.freshTable("UsersTable");
        aws.dynamoDb().putItem(b -> b.tableName(users).item(Map.of("pk", AttributeValue.fromS("user#" + user),
                "userId", AttributeValue.fromS(user), "email", AttributeValue.fromS("sam@example.com"),
                "name", AttributeValue.fromS("Sam"), "passwordHash", AttributeValue.fromS("$argon2id$secret"))));
        DynamoDbRecipientStore recipients = new DynamoDbRecipientStore(aws.dynamoDb(), users);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SesV2Client unreachable = AwsClients.build(SesV2Client.builder(), Config.from(Map.of("AWS_REGION", LocalAws.REGION,
                "KIOSK_ENDPOINT_URL_SESV2", "http://127.0.0.1:" + closed, "KIOSK_LOCAL_ACCESS_KEY_ID", "test",
                "KIOSK_LOCAL_SECRET_ACCESS_KEY", "test")));
        announced(OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.PAID, "2026-11-21T10:01:00.000Z"));
        Map<String, Object> batch = received(1);

        NotifyHandler handler = handler(new EmailDelivery(recipients, new SesMailer(unreachable), "shop@example.com"));
        List<String> lines = LogCapture.of(() -> assertEquals(1, failures(handler.handleRequest(batch, null)).size()));

        assertEquals(Notification.EmailStatus.PENDING, inboxOf(user).get(0).email(), "in the inbox already");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"message\":\"to be tried again\"")
                && l.contains("SES unreachable") && l.contains("\"delaySeconds\":1")), "held back with the backoff: " + lines);

        RecordingMailer mailer = new RecordingMailer();
        assertEquals(List.of(), failures(handler(new EmailDelivery(recipients, mailer, "shop@example.com"))
                .handleRequest(batch, null)));
        assertEquals(1, mailer.sent.size());
        assertEquals("sam@example.com", mailer.sent.get(0).to(), "the account's address, read from the UsersTable");
        assertEquals(Notification.EmailStatus.SENT, inboxOf(user).get(0).email());
        assertEquals(1, inboxOf(user).size());
        assertEquals(Optional.empty(), recipients.emailOf("no-such-shopper"));
    }

    @Test
    void withoutASenderTheLogIsTheChannelAndNoEmailIsPending() {
        for (String sender : new String[] {"", "  "}) {
            assertInstanceOf(LogDelivery.class, NotificationWiring.delivery(Config.from(Map.of("AWS_REGION",
                    LocalAws.REGION, "SENDER_EMAIL", sender)), aws.dynamoDb()));
        }
        assertInstanceOf(LogDelivery.class, NotificationWiring.delivery(Config.from(Map.of("AWS_REGION",
                LocalAws.REGION)), aws.dynamoDb()), "no SENDER_EMAIL at all");
    }
}
