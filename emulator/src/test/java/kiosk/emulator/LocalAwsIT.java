package kiosk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The emulator's test stack brought up: every resource kind, resolved the way CloudFormation would. */
class LocalAwsIT {

    private static Template template;
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        template = Template.load(resource("/stack-template.yaml"));
        aws = LocalAws.start(template);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    static Path resource(String name) {
        try {
            return Path.of(LocalAwsIT.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void createsQueuesWithTheirAttributesAndRedrivePolicy() {
        var attributes = aws.sqs().getQueueAttributes(b -> b.queueUrl(aws.queueUrl("WorkQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("45", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        assertTrue(redrive.contains("WorkDeadLetterQueue") && redrive.contains("3"), redrive);
        assertTrue(aws.queueUrl("OrderedQueue").endsWith("OrderedQueue.fifo"));
    }

    @Test
    void movesAMessageToTheDeadLetterQueueAfterMaxReceiveCount() {
        String work = aws.queueUrl("WorkQueue");
        aws.sqs().sendMessage(b -> b.queueUrl(work).messageBody("poison"));
        for (int i = 0; i < 3; i++) {
            Message message = aws.sqs().receiveMessage(b -> b.queueUrl(work).visibilityTimeout(0).waitTimeSeconds(1))
                    .messages().get(0);
            assertEquals("poison", message.body());
        }
        assertTrue(aws.sqs().receiveMessage(b -> b.queueUrl(work).waitTimeSeconds(1)).messages().isEmpty());
        var dead = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("WorkDeadLetterQueue")).waitTimeSeconds(1));
        assertEquals("poison", dead.messages().get(0).body());
    }

    @Test
    void createsTablesWithTimeToLiveIndexesAndStreamsUnderTheirDeclaredNames() {
        var ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(aws.tableName("SessionsTable")))
                .timeToLiveDescription();
        assertEquals("expiresAt", ttl.attributeName());

        assertEquals("orders-test", aws.tableName("OrdersTable"), "TableName with !Sub of a parameter");
        var orders = aws.dynamoDb().describeTable(b -> b.tableName("orders-test")).table();
        var index = orders.globalSecondaryIndexes().get(0);
        assertEquals("ByUser", index.indexName());
        assertEquals(java.util.List.of("status"), index.projection().nonKeyAttributes());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, orders.streamSpecification().streamViewType());
        assertEquals("PAY_PER_REQUEST", orders.billingModeSummary().billingModeAsString(),
                "on-demand locally, whatever the template's capacity mode");
        assertEquals(orders.latestStreamArn(), aws.function("Consumer").environment().get("STREAM"),
                "GetAtt StreamArn is the stream DynamoDB Local made");
    }

    @Test
    void testsOptionsLeaveTimeToLiveOffSoTheRealClocksSweepCannotDeleteAFixedClocksFreshItems() {
        try (LocalAws forTests = LocalAws.start(template, LocalAws.Options.TESTS)) {
            var ttl = forTests.dynamoDb().describeTimeToLive(b -> b.tableName(forTests.tableName("SessionsTable")))
                    .timeToLiveDescription();
            assertEquals("DISABLED", ttl.timeToLiveStatusAsString());
        }
        assertEquals("ENABLED", aws.dynamoDb().describeTimeToLive(b -> b.tableName(aws.tableName("SessionsTable")))
                .timeToLiveDescription().timeToLiveStatusAsString());
    }

    @Test
    void aTableKeptFromAnEarlierStartGetsTheIndexTheTemplateNowDeclaresFilledFromItsItems() {
        String name = "orders-without-index-" + System.nanoTime();
        aws.dynamoDb().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
        aws.dynamoDb().putItem(b -> b.tableName(name).item(java.util.Map.of("id", AttributeValue.fromS("o-1"),
                "userId", AttributeValue.fromS("u-1"), "placedAt", AttributeValue.fromS("2026-11-21T10:00:00Z"),
                "status", AttributeValue.fromS("PAID"))));
        new Provisioner(aws.template(), aws.intrinsics(), aws.dynamoDb(), aws.sqs()).createTable("OrdersTable", name);
        var found = aws.dynamoDb().query(b -> b.tableName(name).indexName("ByUser").keyConditionExpression("userId = :u")
                .expressionAttributeValues(java.util.Map.of(":u", AttributeValue.fromS("u-1"))));
        assertEquals(1, found.count(), "the index exists and holds the item written before it");
    }

    @Test
    void aTableKeptFromAnEarlierStartGetsTheStreamViewTheTemplateNowDeclares() {
        String name = "orders-kept-" + System.nanoTime();
        aws.dynamoDb().createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("orderId").attributeType("S"))
                .keySchema(k -> k.attributeName("orderId").keyType("HASH"))
                .streamSpecification(st -> st.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String before = aws.dynamoDb().describeTable(b -> b.tableName(name)).table().latestStreamArn();
        new Provisioner(aws.template(), aws.intrinsics(), aws.dynamoDb(), aws.sqs()).createTable("OrdersTable", name);
        var table = aws.dynamoDb().describeTable(b -> b.tableName(name)).table();
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
        assertTrue(table.latestStreamArn() != null && !table.latestStreamArn().equals(before), "a new stream");
    }

    @Test
    void resolvesAFunctionsConfigurationToLocalNamesAndSecretValues() {
        FunctionConfiguration consumer = aws.function("Consumer");
        Map<String, String> declared = consumer.declaredEnvironment();
        assertEquals(aws.queueUrl("WorkQueue"), declared.get("QUEUE_URL"));
        assertEquals(aws.queueArn("WorkQueue"), declared.get("QUEUE_ARN"));
        assertEquals("SessionsTable", declared.get("TABLE"));
        assertEquals(LocalAws.REGION + "/SessionsTable/WorkQueue", declared.get("WHERE"));
        assertEquals("a,SessionsTable", declared.get("JOINED"));
        assertEquals("test", declared.get("STAGE"), "Globals' variables come first");
        assertEquals("ApiKeySecret", declared.get("SECRET_ID"));
        String apiKey = declared.get("API_KEY");
        assertTrue(apiKey.matches("[d-z0-9]{40}"), "GenerateSecretString's rules: " + apiKey);
        assertTrue(declared.get("PARTNER_PASSWORD").length() == 16, "the JSON key of a templated secret");

        assertEquals(Duration.ofSeconds(7), consumer.timeout(), "Globals' Timeout");
        assertEquals(256, consumer.memoryMb(), "the function's own MemorySize");
        assertEquals(template.directory().resolve("build/app.zip"), consumer.codeUri());
        assertEquals("example.Handler::handleRequest", consumer.handler());
        Map<String, String> environment = consumer.environment();
        assertEquals("DEBUG", environment.get("AWS_LAMBDA_LOG_LEVEL"), "from LoggingConfig, as Lambda sets it");
        assertEquals("Consumer", environment.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals(aws.dynamoEndpoint().toString(), environment.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(aws.secretsEndpoint().toString(), environment.get("AWS_ENDPOINT_URL_SECRETS_MANAGER"));
        assertEquals(apiKey, environment.get("API_KEY"));
    }

    @Test
    void servesEachSecretOverTheSecretsManagerApiWithItsStages() {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String apiKey = client.getSecretValue(b -> b.secretId("ApiKeySecret")).secretString();
            assertEquals(aws.function("Consumer").environment().get("API_KEY"), apiKey,
                    "the client found the endpoint through aws.endpointUrlSecretsManager");
            assertThrows(ResourceNotFoundException.class,
                    () -> client.getSecretValue(b -> b.secretId("ApiKeySecret").versionStage("AWSPREVIOUS")));
            assertThrows(ResourceNotFoundException.class, () -> client.getSecretValue(b -> b.secretId("NoSuchSecret")));

            String rotated = aws.secretsManager().put("ApiKeySecret", "rotated-value-".repeat(3));
            var current = client.getSecretValue(b -> b.secretId("ApiKeySecret"));
            assertEquals(rotated, current.versionId());
            assertEquals(apiKey, client.getSecretValue(b -> b.secretId("ApiKeySecret").versionStage("AWSPREVIOUS"))
                    .secretString());
        }
    }

    @Test
    void refusesWhatItDoesNotEmulateRatherThanDroppingIt() {
        Template withLocalIndex = Template.load(resource("/lsi-template.yaml"));
        Provisioner provisioner = new Provisioner(withLocalIndex, new Intrinsics(withLocalIndex, LocalAws.REGION, LocalAws.ACCOUNT),
                aws.dynamoDb(), aws.sqs());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, provisioner::provision);
        assertTrue(refused.getMessage().contains("LocalSecondaryIndexes"), refused.getMessage());
    }
}
