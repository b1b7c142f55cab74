package kiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalAwsIT {

    private static LocalAws aws;

    @BeforeAll
    static void startFromATemplateWithQueues() throws URISyntaxException {
        Path file = Path.of(LocalAwsIT.class.getResource("/queues-template.yaml").toURI());
        aws = LocalAws.start(Template.load(file));
    }

    @AfterAll
    static void stop() {
        aws.close();
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
    void createsTablesWithTimeToLive() {
        var ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(aws.tableName("SessionsTable")))
                .timeToLiveDescription();
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void resolvesIntrinsicsInAFunctionEnvironmentToLocalNames() throws URISyntaxException {
        Template template = Template.load(Path.of(LocalAwsIT.class.getResource("/queues-template.yaml").toURI()));
        Object variables = ((Map<?, ?>) template.resources("AWS::Serverless::Function").get("Consumer")
                .get("Environment")).get("Variables");
        Map<?, ?> resolved = (Map<?, ?>) aws.resources().resolve(variables);
        assertEquals(aws.queueUrl("WorkQueue"), resolved.get("QUEUE_URL"));
        assertEquals(aws.resources().queueArn("WorkQueue"), resolved.get("QUEUE_ARN"));
        assertEquals("SessionsTable", resolved.get("TABLE"));
        assertEquals(LocalAws.REGION + "/SessionsTable/WorkQueue", resolved.get("WHERE"));
        assertEquals("a,SessionsTable", resolved.get("JOINED"));
    }

    @Test
    void projectTemplateTablesExistWithTheirIndexes() {
        try (LocalAws project = LocalAws.start(Template.project())) {
            var table = project.dynamoDb().describeTable(b -> b.tableName(project.tableName("ProductsTable"))).table();
            assertEquals(2, table.globalSecondaryIndexes().size());
        }
    }
}
