package kiosk.accounts.session;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kiosk.accounts.Items;
import kiosk.accounts.UsersTable;
import kiosk.shared.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Login attempts as the attempts item of an email in the UsersTable ({@link UsersTable}). The
 * table's TTL removes an item a day after its last attempt or lock, so failures long ago stop
 * counting.
 */
public final class DynamoDbLoginAttempts implements LoginAttempts {

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
        Expression x = new Expression();
        String update = "ADD " + x.name(UsersTable.FAILURES) + " " + x.value(n(1))
                + " SET " + x.name(UsersTable.EXPIRES_AT) + " = " + x.value(n(nowSeconds + FORGET_AFTER.toSeconds()));
        String lockedUntil = x.name(UsersTable.LOCKED_UNTIL);
        String condition = "attribute_not_exists(" + lockedUntil + ") OR " + lockedUntil + " <= " + x.value(n(nowSeconds));
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table).key(key(email))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.UPDATED_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return Math.toIntExact(number(item, UsersTable.FAILURES));
        } catch (ConditionalCheckFailedException e) {
            long until = number(e.item(), UsersTable.LOCKED_UNTIL);
            throw new AccountLockedException(Math.max(1, until - nowSeconds));
        }
    }

    @Override
    public void lock(String email, Instant until) {
        long untilSeconds = until.getEpochSecond();
        Expression x = new Expression();
        String update = "SET " + x.name(UsersTable.LOCKED_UNTIL) + " = " + x.value(n(untilSeconds)) + ", "
                + x.name(UsersTable.EXPIRES_AT) + " = " + x.value(n(untilSeconds + FORGET_AFTER.toSeconds()));
        dynamoDb.updateItem(b -> b.tableName(table).key(key(email)).updateExpression(update)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
    }

    @Override
    public void clear(String email) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(email)));
    }

    private static Map<String, AttributeValue> key(String email) {
        return Items.key(UsersTable.ATTEMPTS + email);
    }
}
