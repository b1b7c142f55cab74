package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The notification store contract against the NotificationsTable of template.yaml in DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbNotificationStoreIT extends NotificationStoreContract {

    private final LocalAws aws;

    DynamoDbNotificationStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    NotificationStore store() {
        return new DynamoDbNotificationStore(aws.dynamoDb(), aws.tableName("NotificationsTable"));
    }

    @Test
    void theItemHoldsTheIssuesAttributes() {
        Notification written = notification("layout-user", Instant.parse("2026-11-21T10:00:00Z"), "o-1",
                NotificationType.ORDER_SHIPPED);
        store().add(written);
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("NotificationsTable"))
                .key(Map.of("userId", AttributeValue.fromS("layout-user"), "id", AttributeValue.fromS(written.id())))).item();
        assertEquals("1795255200000-o-1-ORDER_SHIPPED", item.get("id").s());
        assertEquals("ORDER_SHIPPED", item.get("type").s());
        assertEquals("DHL", item.get("data").m().get("carrier").s());
        assertEquals("1995", item.get("data").m().get("total").n());
        assertEquals(false, item.get("read").bool());
        assertEquals("PENDING", item.get("email").s());
    }

    @Test
    void anEmailStatusForANotificationThatIsNotThereIsAnErrorNotAStubItem() {
        assertThrows(ConditionalCheckFailedException.class, () -> store().setEmail("nobody", "1795255200000-o-1-ORDER_SHIPPED",
                Notification.EmailStatus.SENT));
        assertEquals(0, aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("NotificationsTable"))
                .key(Map.of("userId", AttributeValue.fromS("nobody"), "id",
                        AttributeValue.fromS("1795255200000-o-1-ORDER_SHIPPED")))).item().size());
    }
}
