package kiosk.jobs.payment;

import java.time.Clock;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the no-argument handler constructors use: built once per execution environment, on first use. */
final class JobsWiring {

    private JobsWiring() {
    }

    static PaymentService payments() {
        return Payments.SERVICE;
    }

    static RetryQueue retryQueue() {
        return Payments.QUEUE;
    }

    private static final class Payments {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
        static final PaymentService SERVICE = new PaymentService(new DynamoDbOrderStore(DYNAMODB,
                new DynamoDbOrderStore.Tables(CONFIG.require("ORDERS_TABLE"), CONFIG.require("PRODUCTS_TABLE"), "", "",
                        CONFIG.require("PROMOTIONS_TABLE"))),
                new SimulatedGateway(new DynamoDbSimulatorStore(DYNAMODB, CONFIG.require("PAYMENT_SIMULATOR_TABLE")),
                        Clock.systemUTC()), Clock.systemUTC());
        static final RetryQueue QUEUE = new SqsRetryQueue(AwsClients.build(SqsClient.builder(), CONFIG),
                CONFIG.require("ORDERS_QUEUE_URL"));
    }
}
