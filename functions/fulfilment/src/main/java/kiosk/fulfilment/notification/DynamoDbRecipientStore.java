package kiosk.fulfilment.notification;

import static kiosk.shared.dynamodb.Attributes.s;

import java.util.Map;
import java.util.Optional;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The account's address, read from the UsersTable. The names below are the accounts module's
 * (kiosk.accounts.UsersTable: the account item {@code user#<id>} under key {@code pk}, its
 * {@code email}), repeated rather than depended on: this function would otherwise package the
 * accounts module and its password hashing for one attribute. Only {@code email} is read, so no
 * other part of the account (the password hash) ever reaches this function.
 */
public final class DynamoDbRecipientStore implements RecipientStore {

    static final String PK = "pk";
    static final String USER = "user#";
    static final String EMAIL = "email";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRecipientStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * For a SnapStart primer only: puts an account's address as UsersTable keeps it, which while
     * priming is answered from memory and kept for the primer's round (kiosk.shared.aws.PrimingSandbox).
     * Refused outside priming: this function only reads accounts.
     */
    void seedForPriming(String userId, String email) {
        if (!SnapStart.priming()) {
            throw new IllegalStateException("notifications never write an account");
        }
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(PK, s(USER + userId), EMAIL, s(email))));
    }

    @Override
    public Optional<String> emailOf(String userId) {
        Expression x = new Expression();
        String projection = x.name(EMAIL);
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(PK, s(USER + userId)))
                .projectionExpression(projection).expressionAttributeNames(x.names())).item();
        AttributeValue email = item == null ? null : item.get(EMAIL);
        return email == null || email.s() == null || email.s().isBlank() ? Optional.empty() : Optional.of(email.s());
    }
}
