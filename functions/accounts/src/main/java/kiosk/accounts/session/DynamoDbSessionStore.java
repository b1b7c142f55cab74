package kiosk.accounts.session;

import static kiosk.accounts.Items.get;
import static kiosk.accounts.Items.key;
import static kiosk.accounts.Items.putNew;
import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.ss;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.accounts.Items;
import kiosk.accounts.UsersTable;
import kiosk.shared.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Refresh-token families in the SessionsTable of template.yaml, laid out by {@link SessionsTable}.
 * Rotation is one transaction conditioned on the family's current tokens, so of two refreshes with
 * the same token exactly one rotates; a retry's sibling token is one transaction conditioned on
 * the rotation it retries being the family's last, recent, and not yet retried too often.
 */
public final class DynamoDbSessionStore implements SessionStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    /** The UsersTable, which {@link #startSignIn} checks the account in; null for a store that only reads and revokes. */
    private final String usersTable;

    /** A store that cannot sign in (logout's, given the sessions table alone). */
    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, null);
    }

    public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table, String usersTable) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.usersTable = usersTable;
    }

    @Override
    public void start(String familyId, String userId, String tokenHash, Instant expiresAt, Instant now) {
        dynamoDb.transactWriteItems(b -> b.transactItems(newFamily(familyId, userId, tokenHash, expiresAt, now)));
    }

    /** A family's item and its first token's, each written only if new. */
    private List<TransactWriteItem> newFamily(String familyId, String userId, String tokenHash, Instant expiresAt,
                                              Instant now) {
        return List.of(putNew(table, SessionsTable.familyItem(familyId, userId, tokenHash, expiresAt, now)),
                putNew(table, SessionsTable.tokenItem(tokenHash, familyId, userId, expiresAt)));
    }

    @Override
    public boolean startSignIn(String familyId, String userId, String passwordHash, String tokenHash, Instant expiresAt,
                               Instant now) {
        if (usersTable == null) {
            throw new IllegalStateException("this sessions store was given no users table to check sign-ins against");
        }
        Expression x = new Expression();
        ConditionCheck account = ConditionCheck.builder().tableName(usersTable).key(key(UsersTable.USER + userId))
                .conditionExpression(x.name(UsersTable.PASSWORD_HASH) + " = " + x.value(s(passwordHash))
                        + " AND attribute_not_exists(" + x.name(UsersTable.ERASING) + ")")
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).build();
        List<TransactWriteItem> items = new ArrayList<>(newFamily(familyId, userId, tokenHash, expiresAt, now));
        items.add(0, TransactWriteItem.builder().conditionCheck(account).build());
        return Items.transactIfConditionsHold(dynamoDb, items);
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
    public boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt,
                          Instant now) {
        Expression x = new Expression();
        String current = x.name(SessionsTable.CURRENT_HASH);
        String old = x.value(s(oldHash));
        String update = "SET " + current + " = " + x.value(s(newHash)) + ", "
                + x.name(SessionsTable.PREVIOUS_HASH) + " = " + old + ", "
                + x.name(SessionsTable.ROTATED_AT) + " = " + x.value(n(now.toEpochMilli())) + ", "
                + x.name(SessionsTable.EXPIRES_AT) + " = " + x.value(n(expiresAt.getEpochSecond()))
                + " REMOVE " + x.name(SessionsTable.SIBLING_HASHES);
        String condition = "(" + current + " = " + old + " OR contains(" + x.name(SessionsTable.SIBLING_HASHES) + ", "
                + old + ")) AND attribute_not_exists(" + x.name(SessionsTable.REVOKED_AT) + ")";
        return writeWithNewToken(familyId, userId, newHash, expiresAt, x, update, condition);
    }

    @Override
    public boolean addSibling(String familyId, String userId, String previousHash, String newHash, Instant expiresAt,
                              Instant rotatedAfter) {
        Expression x = new Expression();
        String siblings = x.name(SessionsTable.SIBLING_HASHES);
        String update = "ADD " + siblings + " " + x.value(ss(List.of(newHash)))
                + " SET " + x.name(SessionsTable.EXPIRES_AT) + " = " + x.value(n(expiresAt.getEpochSecond()));
        String condition = x.name(SessionsTable.PREVIOUS_HASH) + " = " + x.value(s(previousHash))
                + " AND " + x.name(SessionsTable.ROTATED_AT) + " > " + x.value(n(rotatedAfter.toEpochMilli()))
                + " AND attribute_not_exists(" + x.name(SessionsTable.REVOKED_AT) + ")"
                + " AND (attribute_not_exists(" + siblings + ") OR size(" + siblings + ") < "
                + x.value(n(MAX_SIBLINGS)) + ")";
        return writeWithNewToken(familyId, userId, newHash, expiresAt, x, update, condition);
    }

    /** The family's update and the new token's item, together or not at all. */
    private boolean writeWithNewToken(String familyId, String userId, String newHash, Instant expiresAt, Expression x,
                                      String update, String condition) {
        Update family = Update.builder().tableName(table).key(key(SessionsTable.FAMILY + familyId))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .build();
        return Items.transactIfConditionsHold(dynamoDb, List.of(TransactWriteItem.builder().update(family).build(),
                putNew(table, SessionsTable.tokenItem(newHash, familyId, userId, expiresAt))));
    }

    @Override
    public void revoke(String familyId, Instant now) {
        Expression x = new Expression();
        String revokedAt = x.name(SessionsTable.REVOKED_AT);
        String update = "SET " + revokedAt + " = " + x.value(s(now.toString()));
        String condition = "attribute_exists(" + x.name(Items.PK) + ") AND attribute_not_exists(" + revokedAt + ")";
        // False when already revoked, or expired and gone: either way nothing of it works any more.
        Items.updateIfConditionHolds(dynamoDb, table, SessionsTable.FAMILY + familyId, update, condition, x);
    }

    @Override
    public List<SignIn> signInsOf(String userId) {
        List<SignIn> signIns = new ArrayList<>();
        byUser(userId, true).forEach(item -> {
            String familyId = item.get(Items.PK).s().substring(SessionsTable.FAMILY.length());
            SessionStore.Family family = SessionsTable.family(familyId, item);
            AttributeValue created = item.get(SessionsTable.CREATED_AT);
            signIns.add(new SignIn(familyId, created == null ? null : Instant.parse(created.s()), family.rotatedAt(),
                    family.expiresAt(), family.revoked()));
        });
        signIns.sort(java.util.Comparator.comparing(SignIn::startedAt, java.util.Comparator.nullsFirst(
                java.util.Comparator.naturalOrder())));
        return signIns;
    }

    @Override
    public int revokeAllBut(String userId, String keep, Instant now) {
        int revoked = 0;
        for (Map<String, AttributeValue> item : byUser(userId, true)) {
            String familyId = item.get(Items.PK).s().substring(SessionsTable.FAMILY.length());
            if (!familyId.equals(keep) && !item.containsKey(SessionsTable.REVOKED_AT)) {
                revoke(familyId, now);
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public void deleteAll(String userId) {
        for (Map<String, AttributeValue> item : byUser(userId, false)) {
            dynamoDb.deleteItem(b -> b.tableName(table).key(key(item.get(Items.PK).s())));
        }
    }

    /** The account's items by the ByUser index: its families alone, or its tokens too. */
    private List<Map<String, AttributeValue>> byUser(String userId, boolean familiesOnly) {
        Expression x = new Expression();
        String condition = x.name(SessionsTable.USER_ID) + " = " + x.value(s(userId))
                + (familiesOnly ? " AND begins_with(" + x.name(Items.PK) + ", " + x.value(s(SessionsTable.FAMILY)) + ")" : "");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(SessionsTable.BY_USER).keyConditionExpression(condition)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()))
                .items().forEach(items::add);
        return items;
    }
}
