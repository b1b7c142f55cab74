package kiosk.accounts.session;

import static kiosk.accounts.Items.n;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kiosk.accounts.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Login attempts as the item {@code attempts#<email>} of the UsersTable. The table's TTL removes
 * an item a day after its last attempt or lock, so failures long ago stop counting.
 */
public final class DynamoDbLoginAttempts implements LoginAttempts {

    static final String ATTEMPTS = "attempts#";
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLoginAttempts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public int begin(String email, Instant now) {
        long nowSeconds = now.getEpochSecond();
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table).key(key(email))
                    .updateExpression("ADD failures :one SET expiresAt = :forget")
                    .conditionExpression("attribute_not_exists(lockedUntil) OR lockedUntil <= :now")
                    .expressionAttributeValues(Map.of(":one", n(1), ":now", n(nowSeconds),
                            ":forget", n(nowSeconds + FORGET_AFTER.toSeconds())))
                    .returnValues(ReturnValue.UPDATED_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return Integer.parseInt(item.get("failures").n());
        } catch (ConditionalCheckFailedException e) {
            long until = Long.parseLong(e.item().get("lockedUntil").n());
            throw new AccountLockedException(Math.max(1, until - nowSeconds));
        }
    }

    @Override
    public void lock(String email, Instant until) {
        long untilSeconds = until.getEpochSecond();
        dynamoDb.updateItem(b -> b.tableName(table).key(key(email))
                .updateExpression("SET lockedUntil = :until, expiresAt = :forget")
                .expressionAttributeValues(Map.of(":until", n(untilSeconds),
                        ":forget", n(untilSeconds + FORGET_AFTER.toSeconds()))));
    }

    @Override
    public void clear(String email) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(email)));
    }

    private static Map<String, AttributeValue> key(String email) {
        return Items.key(ATTEMPTS + email);
    }
}
