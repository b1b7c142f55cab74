package kiosk.fulfilment.notification;

import java.time.Duration;
import java.util.Optional;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, and only what the function's own handler needs (the inbox routes have no SQS, SES or orders).
 */
final class NotificationWiring {

    /** The most one SendEmail may take, its retries included, so a message's time stays bounded. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private NotificationWiring() {
    }

    static NotificationService notifications() {
        return Job.SERVICE;
    }

    static RetryQueue retryQueue() {
        return Job.QUEUE;
    }

    /** The template's NOTIFICATIONS_RETRY_* seconds, else 10 s doubling to 10 minutes. */
    static RetrySchedule retrySchedule() {
        return RetrySchedule.fromConfig(Job.CONFIG, "NOTIFICATIONS");
    }

    static InboxService inbox() {
        return Inbox.SERVICE;
    }

    /**
     * Notify's primer: the order its message names and, where notifications are emailed, its
     * shopper's address, both in the primer's sandbox (answered from memory, never stored).
     */
    static void seedForPriming(Order order, String email) {
        Job.ORDERS.seedForPriming(order);
        Job.CONFIG.optional("USERS_TABLE")
                .ifPresent(users -> new DynamoDbRecipientStore(Job.DYNAMODB, users).seedForPriming(order.userId(), email));
    }

    private static final class Job {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
        static final RetryQueue QUEUE = new SqsRetryQueue(AwsClients.build(SqsClient.builder(), CONFIG),
                CONFIG.require("NOTIFICATIONS_QUEUE_URL"));
        static final DynamoDbOrderStore ORDERS = new DynamoDbOrderStore(DYNAMODB,
                new DynamoDbOrderStore.Tables(CONFIG.require("ORDERS_TABLE"), "", "", "", ""));
        static final NotificationService SERVICE = new NotificationService(ORDERS::find,
                new DynamoDbNotificationStore(DYNAMODB, CONFIG.require("NOTIFICATIONS_TABLE")), delivery(CONFIG, DYNAMODB));
    }

    /**
     * Email through SES when the stage names a sender (SENDER_EMAIL, the template's SenderEmail), to
     * the address of the shopper's account (USERS_TABLE); the log otherwise.
     */
    static Delivery delivery(Config config, DynamoDbClient dynamoDb) {
        Optional<String> sender = config.optional("SENDER_EMAIL").map(String::strip);
        if (sender.isEmpty()) {
            return new LogDelivery();
        }
        SesV2Client ses = AwsClients.build(SesV2Client.builder()
                .overrideConfiguration(c -> c.apiCallTimeout(SEND_TIMEOUT)), config);
        return new EmailDelivery(new DynamoDbRecipientStore(dynamoDb, config.require("USERS_TABLE")), new SesMailer(ses),
                sender.get());
    }

    /** The inbox functions' store, for their primers' seeding. */
    static NotificationStore inboxStore() {
        return Inbox.STORE;
    }

    private static final class Inbox {
        static final Config CONFIG = Config.fromEnvironment();
        static final NotificationStore STORE = new DynamoDbNotificationStore(
                AwsClients.build(DynamoDbClient.builder(), CONFIG), CONFIG.require("NOTIFICATIONS_TABLE"));
        static final InboxService SERVICE = new InboxService(STORE);
    }
}
