package kiosk.accounts.authorizer;

import java.util.Map;
import kiosk.accounts.Items;
import kiosk.accounts.UsersTable;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The account item's key and the three attributes that refuse tokens (UsersTable's names, which are
 * constants the compiler copies here: the authorizer's package holds no other accounts class).
 * One eventually consistent GetItem of a small projection per request: an erased account's tokens
 * stop within DynamoDB's replication lag, and the password hash never reaches the authorizer.
 */
public final class DynamoDbAccountStates implements AccountStates {

    private static final Map<String, String> NAMES = Map.of("#pk", Items.PK, "#erased", UsersTable.ERASED_AT,
            "#after", UsersTable.TOKENS_VALID_AFTER, "#afterMs", UsersTable.TOKENS_VALID_AFTER_MILLIS);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAccountStates(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean admits(String userId, long issuedAt, long issuedAtMillis) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of(Items.PK, AttributeValue.fromS(UsersTable.USER + userId)))
                .projectionExpression("#pk, #erased, #after, #afterMs").expressionAttributeNames(NAMES)).item();
        if (item == null || item.isEmpty() || item.containsKey(UsersTable.ERASED_AT)) {
            return false;
        }
        return notBefore(item.get(UsersTable.TOKENS_VALID_AFTER), issuedAt)
                && notBefore(item.get(UsersTable.TOKENS_VALID_AFTER_MILLIS), issuedAtMillis);
    }

    /**
     * For a SnapStart primer only: puts an account as UsersTable keeps one, which while priming is
     * answered from memory and kept for the primer's round (kiosk.shared.aws.PrimingSandbox), so
     * the primer's {@link #admits} finds an account and unmarshals its item as a real request
     * does. Refused outside priming: the authorizer only reads accounts.
     */
    void seedForPriming(String userId) {
        if (!SnapStart.priming()) {
            throw new IllegalStateException("the authorizer never writes an account");
        }
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(Items.PK, AttributeValue.fromS(UsersTable.USER + userId))));
    }

    private static boolean notBefore(AttributeValue mark, long issued) {
        return mark == null || mark.n() == null || issued >= Long.parseLong(mark.n());
    }
}
