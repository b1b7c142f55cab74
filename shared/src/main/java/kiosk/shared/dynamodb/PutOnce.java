package kiosk.shared.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Writes an item only if its key is free, and otherwise answers the item already there: how a
 * store makes a repeated write (a redelivered message, a retried call) find the first one's
 * result instead of overwriting it.
 */
public final class PutOnce {

    private PutOnce() {
    }

    /**
     * Empty when {@code item} was written; else the item stored under its key ({@code keyName}, the
     * table's partition key), from the refusal itself or, where DynamoDB does not return it there,
     * a consistent read.
     */
    public static Optional<Map<String, AttributeValue>> put(DynamoDbClient dynamoDb, String table,
            Map<String, AttributeValue> item, Map<String, AttributeValue> key, String keyName) {
        Expression x = new Expression();
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(" + x.name(keyName) + ")")
                    .expressionAttributeNames(x.names())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(e.hasItem() && !e.item().isEmpty() ? e.item()
                    : dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item());
        }
    }
}
