package kiosk.accounts;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The accounts tables share one shape: a string key {@code pk} whose prefix names the kind of item
 * ({@code user#}, {@code email#}, {@code family#}...). These are the few item operations the
 * DynamoDB stores of both tables use.
 */
public final class Items {

    private Items() {
    }

    public static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", s(pk));
    }

    /** A strongly consistent read: the item, or null when there is none. */
    public static Map<String, AttributeValue> get(DynamoDbClient dynamoDb, String table, String pk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** A put in a transaction that fails if an item with that key exists. */
    public static TransactWriteItem putNew(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
