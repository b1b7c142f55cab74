package kiosk.accounts.session;

import static kiosk.shared.dynamodb.Attributes.n;

import java.time.Instant;
import java.util.Map;
import kiosk.accounts.Items;
import kiosk.accounts.UsersTable;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.RetryLaterException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Login attempts as attempts items of the UsersTable ({@link UsersTable}). Each attempt is one
 * compare-and-set write of the whole state (count and lock together), conditioned on the state it
 * was computed from; a write that loses a race gets the current state back from the failed
 * condition and tries again on that, so the common case (no earlier failures) is a single write.
 * The table's TTL removes an item some time after {@code expiresAt}; until it does, an item past
 * {@code expiresAt} counts as absent.
 */
public final class DynamoDbLoginAttempts implements LoginAttempts {

    /**
     * Writes lost to parallel attempts before this one gives up and asks the caller to retry. A
     * write is lost only to another's success, so above a policy's limit the lock is seen first.
     */
    private static final int ROUNDS = 32;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbLoginAttempts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    private record State(long failures, long lockedUntil, long expiresAt) {

        static State of(Map<String, AttributeValue> item) {
            return item == null || item.isEmpty() ? null
                    : new State(number(item, UsersTable.FAILURES), number(item, UsersTable.LOCKED_UNTIL),
                            number(item, UsersTable.EXPIRES_AT));
        }

        private static long number(Map<String, AttributeValue> item, String name) {
            AttributeValue value = item.get(name);
            return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
        }
    }

    @Override
    public int begin(String subject, Instant now, Lockout policy) {
        State seen = null;
        for (int round = 0; round < ROUNDS; round++) {
            if (seen != null) {
                AccountLockedException.refuseIfLocked(seen.lockedUntil(), now);
            }
            Lockout.Next next = seen == null ? policy.next(0, 0, 0, now)
                    : policy.next(seen.failures(), seen.lockedUntil(), seen.expiresAt(), now);
            Expression x = new Expression();
            String update = "SET " + x.name(UsersTable.FAILURES) + " = " + x.value(n(next.count())) + ", "
                    + x.name(UsersTable.LOCKED_UNTIL) + " = " + x.value(n(next.lockedUntil())) + ", "
                    + x.name(UsersTable.EXPIRES_AT) + " = " + x.value(n(next.expiresAt()));
            String condition = seen == null ? "attribute_not_exists(" + x.name(Items.PK) + ")"
                    // Every write changes the count and pushes expiresAt on, so the two identify a state.
                    : x.name(UsersTable.FAILURES) + " = " + x.value(n(seen.failures())) + " AND "
                            + x.name(UsersTable.EXPIRES_AT) + " = " + x.value(n(seen.expiresAt()));
            try {
                dynamoDb.updateItem(b -> b.tableName(table).key(key(subject)).updateExpression(update)
                        .conditionExpression(condition)
                        .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return next.count();
            } catch (ConditionalCheckFailedException e) {
                seen = State.of(e.item());
            }
        }
        throw new RetryLaterException(AccountLockedException.LOCKED, "Too many sign-ins at once. Try again shortly.", 1);
    }

    @Override
    public void check(String subject, Instant now) {
        State state = State.of(dynamoDb.getItem(b -> b.tableName(table).key(key(subject)).consistentRead(true)).item());
        if (state != null) {
            AccountLockedException.refuseIfLocked(state.lockedUntil(), now);
        }
    }

    @Override
    public void clear(String subject) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(subject)));
    }

    private static Map<String, AttributeValue> key(String subject) {
        return Items.key(UsersTable.ATTEMPTS + subject);
    }
}
