package kiosk.accounts.session;

import static kiosk.accounts.Items.get;
import static kiosk.accounts.Items.key;
import static kiosk.accounts.Items.putNew;
import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import kiosk.accounts.Items;
import kiosk.shared.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Refresh-token families in the SessionsTable of template.yaml, laid out by {@link SessionsTable}.
 * Rotation is one transaction conditioned on the family's current token, so of two refreshes with
 * the same token exactly one succeeds.
 */
public final class DynamoDbSessionStore implements SessionStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void start(String familyId, String userId, String tokenHash, Instant expiresAt) {
        dynamoDb.transactWriteItems(b -> b.transactItems(
                putNew(table, SessionsTable.familyItem(familyId, userId, tokenHash, expiresAt)),
                putNew(table, SessionsTable.tokenItem(tokenHash, familyId, userId, expiresAt))));
    }

    @Override
    public Optional<Token> findToken(String hash) {
        Map<String, AttributeValue> item = get(dynamoDb, table, SessionsTable.TOKEN + hash);
        return item == null ? Optional.empty() : Optional.of(SessionsTable.token(hash, item));
    }

    @Override
    public Optional<Family> findFamily(String familyId) {
        Map<String, AttributeValue> item = get(dynamoDb, table, SessionsTable.FAMILY + familyId);
        return item == null ? Optional.empty() : Optional.of(SessionsTable.family(familyId, item));
    }

    @Override
    public boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt) {
        Expression x = new Expression();
        String current = x.name(SessionsTable.CURRENT_HASH);
        String update = "SET " + current + " = " + x.value(s(newHash)) + ", "
                + x.name(SessionsTable.EXPIRES_AT) + " = " + x.value(n(expiresAt.getEpochSecond()));
        String condition = current + " = " + x.value(s(oldHash))
                + " AND attribute_not_exists(" + x.name(SessionsTable.REVOKED_AT) + ")";
        Update rotation = Update.builder().tableName(table).key(key(SessionsTable.FAMILY + familyId))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .build();
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(rotation).build(),
                    putNew(table, SessionsTable.tokenItem(newHash, familyId, userId, expiresAt))));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons()
                    && e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void revoke(String familyId, Instant now) {
        Expression x = new Expression();
        String revokedAt = x.name(SessionsTable.REVOKED_AT);
        String update = "SET " + revokedAt + " = " + x.value(s(now.toString()));
        String condition = "attribute_exists(" + x.name(Items.PK) + ") AND attribute_not_exists(" + revokedAt + ")";
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(SessionsTable.FAMILY + familyId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
        } catch (ConditionalCheckFailedException e) {
            // Already revoked, or expired and gone: either way nothing of it works any more.
        }
    }
}
