package kiosk.jobs.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.queue.RetryQueue;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What the no-argument handler constructors use: built once per execution environment, on first use. */
final class JobsWiring {

    private JobsWiring() {
    }

    static PaymentService payments() {
        return Payments.SERVICE;
    }

    /** The simulated gateway's table, for its control function: no Stripe, no SQS. */
    static SimulatorStore simulator() {
        return Simulator.STORE;
    }

    static RetryQueue retryQueue() {
        return Payments.QUEUE;
    }

    /** The template's PAYMENT_RETRY_* seconds, else 10 s doubling to 10 minutes. */
    static RetrySchedule retrySchedule() {
        return RetrySchedule.fromConfig(Payments.CONFIG, "PAYMENT");
    }

    /** The secret's value: the key itself, or a JSON object with the key as "apiKey". */
    static String apiKey(String secret) {
        String value = secret == null ? "" : secret.strip();
        if (value.startsWith("{")) {
            try {
                JsonNode key = Json.MAPPER.readTree(value).get("apiKey");
                value = key == null ? "" : key.asText("").strip();
            } catch (IOException e) {
                throw new IllegalStateException("the Stripe secret is neither a key nor JSON with an apiKey");
            }
        }
        if (value.isEmpty()) {
            throw new IllegalStateException("the Stripe secret holds no API key");
        }
        return value;
    }

    private static final class Payments {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
        static final RetryQueue QUEUE = new SqsRetryQueue(AwsClients.build(SqsClient.builder(), CONFIG),
                CONFIG.require("ORDERS_QUEUE_URL"));
        static final PaymentService SERVICE = new PaymentService(new DynamoDbOrderStore(DYNAMODB,
                new DynamoDbOrderStore.Tables(CONFIG.require("ORDERS_TABLE"), CONFIG.require("PRODUCTS_TABLE"), "", "",
                        CONFIG.require("PROMOTIONS_TABLE"))), gateway(), Clock.systemUTC());

        /**
         * Stripe when the stage names its secret (STRIPE_SECRET_NAME, from the template's
         * StripeSecretName), read once here at init; the simulated gateway otherwise.
         */
        private static PaymentGateway gateway() {
            Optional<String> secret = CONFIG.optional("STRIPE_SECRET_NAME").filter(name -> !name.isBlank());
            if (secret.isEmpty()) {
                return new SimulatedGateway(new DynamoDbSimulatorStore(DYNAMODB, CONFIG.require("PAYMENT_SIMULATOR_TABLE")),
                        Clock.systemUTC());
            }
            try (SecretsManagerClient secrets = AwsClients.build(SecretsManagerClient.builder(), CONFIG)) {
                String value = secrets.getSecretValue(b -> b.secretId(secret.get())).secretString();
                return new StripeGateway(StripeGateway.client(apiKey(value), CONFIG.optional("STRIPE_API_BASE").orElse("")));
            }
        }
    }

    private static final class Simulator {
        static final Config CONFIG = Config.fromEnvironment();
        static final SimulatorStore STORE = new DynamoDbSimulatorStore(AwsClients.build(DynamoDbClient.builder(), CONFIG),
                CONFIG.require("PAYMENT_SIMULATOR_TABLE"));
    }
}
