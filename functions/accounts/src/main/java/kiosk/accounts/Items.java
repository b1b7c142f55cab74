package kiosk.accounts;

import static kiosk.shared.dynamodb.Attributes.s;

import java.util.List;
import java.util.Map;
import kiosk.shared.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The accounts tables share one shape: a string key {@link #PK} whose prefix names the kind of
 * item ({@code user#}, {@code email#}, {@code family#}...). These are the item operations the
 * stores of both tables use; each table's attributes are in {@link UsersTable} and SessionsTable.
 */
public final class Items {

    public static final String PK = "pk";

    private Items() {
    }

    public static Map<String, AttributeValue> key(String pk) {
        return Map.of(PK, s(pk));
    }

    /** A strongly consistent read: the item, or null when there is none. */
    public static Map<String, AttributeValue> get(DynamoDbClient dynamoDb, String table, String pk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** A put in a transaction that fails if an item with that key exists. */
    public static TransactWriteItem putNew(String table, Map<String, AttributeValue> item) {
        Expression x = new Expression();
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + x.name(PK) + ")")
                .expressionAttributeNames(x.names()).build()).build();
    }

    /**
     * Updates the item keyed {@code pk} if {@code condition} holds: false, with nothing written,
     * when it does not. {@code x} holds the names and values both expressions use.
     */
    public static boolean updateIfConditionHolds(DynamoDbClient dynamoDb, String table, String pk, String update,
                                                 String condition, Expression x) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(pk)).updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Writes these items in one transaction: false, with nothing written, when one of their
     * conditions failed. A transaction cancelled for anything else (a conflict, a throttle) throws.
     */
    public static boolean transactIfConditionsHold(DynamoDbClient dynamoDb, List<TransactWriteItem> items) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons()
                    && e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return false;
            }
            throw e;
        }
    }
}
