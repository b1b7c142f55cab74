package kiosk.fulfilment.shipping;

import java.net.URI;
import java.time.Clock;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, each holder reading only its own function's variables.
 */
final class ShippingWiring {

    private ShippingWiring() {
    }

    static FulfilmentService fulfilment() {
        return Fulfilment.SERVICE;
    }

    static RetryQueue fulfilmentQueue() {
        return Fulfilment.QUEUE;
    }

    static RetrySchedule fulfilmentRetries() {
        return RetrySchedule.fromConfig(Fulfilment.CONFIG, "FULFILMENT");
    }

    /** The webhook's order store: its primer seeds the order its event finds (answered from memory). */
    static DynamoDbOrderStore webhookOrders() {
        return Webhooks.ORDERS;
    }

    static ShippingWebhookService webhooks() {
        return Webhooks.SERVICE;
    }

    static SimulatorStore simulator() {
        return Simulator.STORE;
    }

    static WebhookSignature signature() {
        return Callbacks.SIGNATURE;
    }

    static URI webhookUrl() {
        return URI.create(Callbacks.CONFIG.require("SHIPPING_WEBHOOK_URL"));
    }

    static RetryQueue callbacksQueue() {
        return Callbacks.QUEUE;
    }

    static RetrySchedule callbacksRetries() {
        return RetrySchedule.fromConfig(Callbacks.CONFIG, "PARTNER_CALLBACKS");
    }

    /** The webhook's shared secret, read from Secrets Manager at init, never from the environment. */
    private static WebhookSignature signature(Config config) {
        try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), config)) {
            return new WebhookSignature(secrets.getSecretValue(b -> b.secretId(config.require("SHIPPING_WEBHOOK_SECRET_ID")))
                    .secretString());
        }
    }

    private static DynamoDbOrderStore orders(DynamoDbClient dynamoDb, Config config) {
        return new DynamoDbOrderStore(dynamoDb, new DynamoDbOrderStore.Tables(config.require("ORDERS_TABLE"), "", "", "", ""));
    }

    private static final class Fulfilment {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
        static final SqsClient SQS = AwsClients.build(SqsClient.builder(), CONFIG);
        static final RetryQueue QUEUE = new SqsRetryQueue(SQS, CONFIG.require("FULFILMENT_QUEUE_URL"));
        static final FulfilmentService SERVICE = new FulfilmentService(orders(DYNAMODB, CONFIG),
                new SimulatedPartner(new DynamoDbSimulatorStore(DYNAMODB, CONFIG.require("SHIPPING_SIMULATOR_TABLE")),
                        new SqsCallbackQueue(SQS, CONFIG.require("PARTNER_CALLBACKS_QUEUE_URL")), Clock.systemUTC()),
                Clock.systemUTC());
    }

    private static final class Webhooks {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
        static final DynamoDbOrderStore ORDERS = orders(DYNAMODB, CONFIG);
        static final ShippingWebhookService SERVICE = new ShippingWebhookService(signature(CONFIG), ORDERS,
                new DynamoDbShipmentEvents(DYNAMODB, CONFIG.require("SHIPPING_EVENTS_TABLE"), CONFIG.require("ORDERS_TABLE")),
                Clock.systemUTC());
    }

    private static final class Simulator {
        static final Config CONFIG = Config.fromEnvironment();
        static final SimulatorStore STORE = new DynamoDbSimulatorStore(AwsClients.build(DynamoDbClient.builder(), CONFIG),
                CONFIG.require("SHIPPING_SIMULATOR_TABLE"));
    }

    private static final class Callbacks {
        static final Config CONFIG = Config.fromEnvironment();
        static final WebhookSignature SIGNATURE = signature(CONFIG);
        static final RetryQueue QUEUE = new SqsRetryQueue(AwsClients.build(SqsClient.builder(), CONFIG),
                CONFIG.require("PARTNER_CALLBACKS_QUEUE_URL"));
    }
}
