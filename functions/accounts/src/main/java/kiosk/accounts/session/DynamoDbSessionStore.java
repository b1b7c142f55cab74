package kiosk.accounts.session;

import static kiosk.accounts.Items.get;
import static kiosk.accounts.Items.key;
import static kiosk.accounts.Items.n;
import static kiosk.accounts.Items.putNew;
import static kiosk.accounts.Items.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Refresh-token families in the SessionsTable of template.yaml: the item {@code family#<id>} holds
 * the hash of the family's current token, and each token ever issued is the item
 * {@code token#<hash>} pointing at its family. Both carry {@code expiresAt} for the table's TTL.
 * Rotation is one transaction conditioned on the family's current token, so of two refreshes with
 * the same token exactly one succeeds.
 */
public final class DynamoDbSessionStore implements SessionStore {

    static final String FAMILY = "family#";
    static final String TOKEN = "token#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void start(String familyId, String userId, String tokenHash, Instant expiresAt) {
        Map<String, AttributeValue> family = new HashMap<>();
        family.put("pk", s(FAMILY + familyId));
        family.put("userId", s(userId));
        family.put("currentHash", s(tokenHash));
        family.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamoDb.transactWriteItems(b -> b.transactItems(
                putNew(table, family),
                putNew(table, tokenItem(tokenHash, familyId, userId, expiresAt))));
    }

    @Override
    public Optional<Token> findToken(String hash) {
        Map<String, AttributeValue> item = get(dynamoDb, table, TOKEN + hash);
        return item == null ? Optional.empty() : Optional.of(new Token(hash, item.get("familyId").s(),
                item.get("userId").s(), Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()))));
    }

    @Override
    public Optional<Family> findFamily(String familyId) {
        Map<String, AttributeValue> item = get(dynamoDb, table, FAMILY + familyId);
        return item == null ? Optional.empty() : Optional.of(new Family(familyId, item.get("userId").s(),
                item.get("currentHash").s(), item.containsKey("revokedAt"),
                Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()))));
    }

    @Override
    public boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt) {
        Update update = Update.builder().tableName(table).key(key(FAMILY + familyId))
                .updateExpression("SET currentHash = :new, expiresAt = :expires")
                .conditionExpression("currentHash = :old AND attribute_not_exists(revokedAt)")
                .expressionAttributeValues(Map.of(":new", s(newHash), ":old", s(oldHash),
                        ":expires", n(expiresAt.getEpochSecond())))
                .build();
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(update).build(),
                    putNew(table, tokenItem(newHash, familyId, userId, expiresAt))));
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
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(FAMILY + familyId))
                    .updateExpression("SET revokedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":now", s(now.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // Already revoked, or expired and gone: either way nothing of it works any more.
        }
    }

    private Map<String, AttributeValue> tokenItem(String hash, String familyId, String userId, Instant expiresAt) {
        return Map.of("pk", s(TOKEN + hash), "familyId", s(familyId), "userId", s(userId),
                "expiresAt", n(expiresAt.getEpochSecond()));
    }
}
