package kiosk.accounts.user;

import static kiosk.accounts.Items.get;
import static kiosk.accounts.Items.key;
import static kiosk.accounts.Items.putNew;
import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.ss;
import static kiosk.shared.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.accounts.Items;
import kiosk.accounts.UsersTable;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.NotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Accounts in the UsersTable of template.yaml, laid out by {@link UsersTable}. An account's email
 * is claimed by its own item, written in the same transaction as the account under the condition
 * that no claim exists: so an email is unique by construction, and a failed signup leaves neither
 * item behind. (Login attempts share the table: see DynamoDbLoginAttempts.)
 */
public final class DynamoDbUserStore implements UserStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUserStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(User user) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    putNew(table, UsersTable.emailClaim(user.email(), user.id())),
                    putNew(table, UsersTable.userItem(user))));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && !e.cancellationReasons().isEmpty()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Map<String, AttributeValue> claim = get(dynamoDb, table, UsersTable.EMAIL_CLAIM + email);
        return claim == null ? Optional.empty() : findById(string(claim, UsersTable.USER_ID));
    }

    @Override
    public Optional<User> findById(String id) {
        Map<String, AttributeValue> item = get(dynamoDb, table, UsersTable.USER + id);
        // A tombstone is what is left of an erased account: no account.
        return item == null || item.containsKey(UsersTable.ERASED_AT) ? Optional.empty() : Optional.of(UsersTable.user(item));
    }

    @Override
    public boolean replacePasswordHash(String userId, String expected, String replacement) {
        // False when changed since it was read (another login upgraded it first): that change stands.
        return swapPasswordHash(userId, expected, replacement, false);
    }

    /**
     * Sets {@code replacement} if the hash is still {@code expected} (and, with
     * {@code unlessErasing}, no erasure has begun). Sign-in's upgrade leaves the erasure mark out
     * of its condition: its role may touch only the attributes it writes.
     */
    private boolean swapPasswordHash(String userId, String expected, String replacement, boolean unlessErasing) {
        Expression x = new Expression();
        String hash = x.name(UsersTable.PASSWORD_HASH);
        String update = "SET " + hash + " = " + x.value(s(replacement)) + " ADD " + x.name(UsersTable.VERSION) + " " + x.value(n(1));
        String condition = hash + " = " + x.value(s(expected))
                + (unlessErasing ? " AND attribute_not_exists(" + x.name(UsersTable.ERASING) + ")" : "");
        return Items.updateIfConditionHolds(dynamoDb, table, UsersTable.USER + userId, update, condition, x);
    }

    @Override
    public User grantRole(String userId, String role) {
        Expression x = new Expression();
        String update = "ADD " + x.name(UsersTable.ROLES) + " " + x.value(ss(List.of(role))) + ", "
                + x.name(UsersTable.VERSION) + " " + x.value(n(1));
        String condition = "attribute_exists(" + x.name(Items.PK) + ")";
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table).key(key(UsersTable.USER + userId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return UsersTable.user(item);
        } catch (ConditionalCheckFailedException e) {
            throw new NotFoundException("No account " + userId + ".");
        }
    }

    @Override
    public boolean changePasswordHash(String userId, String expected, String replacement) {
        return swapPasswordHash(userId, expected, replacement, true);
    }

    @Override
    public boolean startReset(String userId, String tokenHash, Instant expiresAt) {
        // The token's item first: until the account names it, it opens nothing.
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(Items.PK, s(UsersTable.RESET + tokenHash),
                UsersTable.USER_ID, s(userId), UsersTable.EXPIRES_AT, n(expiresAt.getEpochSecond()))));
        Expression x = new Expression();
        String update = "SET " + x.name(UsersTable.RESET_TOKEN_HASH) + " = " + x.value(s(tokenHash));
        String condition = "attribute_exists(" + x.name(Items.PK) + ") AND attribute_not_exists(" + x.name(UsersTable.ERASING)
                + ")";
        Map<String, AttributeValue> before;
        try {
            before = dynamoDb.updateItem(b -> b.tableName(table).key(key(UsersTable.USER + userId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        } catch (ConditionalCheckFailedException e) {
            dynamoDb.deleteItem(b -> b.tableName(table).key(key(UsersTable.RESET + tokenHash)));
            return false;
        }
        AttributeValue previous = before == null ? null : before.get(UsersTable.RESET_TOKEN_HASH);
        if (previous != null && previous.s() != null && !previous.s().equals(tokenHash)) {
            dynamoDb.deleteItem(b -> b.tableName(table).key(key(UsersTable.RESET + previous.s())));
        }
        return true;
    }

    @Override
    public Optional<String> resetOwner(String tokenHash, Instant now) {
        Map<String, AttributeValue> item = get(dynamoDb, table, UsersTable.RESET + tokenHash);
        if (item == null || !item.containsKey(UsersTable.EXPIRES_AT)
                || Long.parseLong(item.get(UsersTable.EXPIRES_AT).n()) <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(string(item, UsersTable.USER_ID));
    }

    @Override
    public boolean completeReset(String tokenHash, String userId, String replacement, Instant now) {
        Expression used = new Expression();
        Delete token = Delete.builder().tableName(table).key(key(UsersTable.RESET + tokenHash))
                .conditionExpression("attribute_exists(" + used.name(Items.PK) + ") AND " + used.name(UsersTable.EXPIRES_AT)
                        + " > " + used.value(n(now.getEpochSecond())))
                .expressionAttributeNames(used.names()).expressionAttributeValues(used.values()).build();
        Expression x = new Expression();
        String update = "SET " + x.name(UsersTable.PASSWORD_HASH) + " = " + x.value(s(replacement)) + ", "
                + x.name(UsersTable.TOKENS_VALID_AFTER) + " = " + x.value(n(now.getEpochSecond()))
                + " REMOVE " + x.name(UsersTable.RESET_TOKEN_HASH)
                + " ADD " + x.name(UsersTable.VERSION) + " " + x.value(n(1));
        String condition = x.name(UsersTable.RESET_TOKEN_HASH) + " = " + x.value(s(tokenHash))
                + " AND attribute_not_exists(" + x.name(UsersTable.ERASING) + ")";
        Update account = Update.builder().tableName(table).key(key(UsersTable.USER + userId)).updateExpression(update)
                .conditionExpression(condition).expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .build();
        return Items.transactIfConditionsHold(dynamoDb, List.of(TransactWriteItem.builder().delete(token).build(),
                TransactWriteItem.builder().update(account).build()));
    }

    @Override
    public void refuseTokensIssuedBefore(String userId, Instant at) {
        Expression x = new Expression();
        String update = "SET " + x.name(UsersTable.TOKENS_VALID_AFTER_MILLIS) + " = " + x.value(n(at.toEpochMilli()));
        String condition = notErased(x) + " AND attribute_not_exists(" + x.name(UsersTable.ERASING) + ")";
        // False when gone or being erased: the authorizer refuses all of its tokens anyway.
        Items.updateIfConditionHolds(dynamoDb, table, UsersTable.USER + userId, update, condition, x);
    }

    /** The account item is there and not yet a tombstone. */
    private static String notErased(Expression x) {
        return "attribute_exists(" + x.name(Items.PK) + ") AND attribute_not_exists(" + x.name(UsersTable.ERASED_AT) + ")";
    }

    @Override
    public Optional<String> beginErasure(String userId, Instant now, String proposedTombstoneId) {
        Expression x = new Expression();
        String erasing = x.name(UsersTable.ERASING);
        String tombstoneId = x.name(UsersTable.TOMBSTONE_ID);
        String update = "SET " + erasing + " = if_not_exists(" + erasing + ", " + x.value(s(now.toString())) + "), "
                + tombstoneId + " = if_not_exists(" + tombstoneId + ", " + x.value(s(proposedTombstoneId)) + ")";
        String condition = notErased(x);
        try {
            return Optional.of(dynamoDb.updateItem(b -> b.tableName(table).key(key(UsersTable.USER + userId))
                    .updateExpression(update).conditionExpression(condition).returnValues(ReturnValue.UPDATED_NEW)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()))
                    .attributes().get(UsersTable.TOMBSTONE_ID).s());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void abandonErasure(String userId) {
        Expression x = new Expression();
        String update = "REMOVE " + x.name(UsersTable.ERASING) + ", " + x.name(UsersTable.TOMBSTONE_ID);
        // False when erased meanwhile by another request: nothing to lift.
        Items.updateIfConditionHolds(dynamoDb, table, UsersTable.USER + userId, update, notErased(x), x);
    }

    @Override
    public void erase(User user, Instant now, Instant tombstoneExpiresAt) {
        Map<String, AttributeValue> account = get(dynamoDb, table, UsersTable.USER + user.id());
        if (account == null || account.containsKey(UsersTable.ERASED_AT)) {
            return;
        }
        List<TransactWriteItem> steps = new ArrayList<>();
        Expression claim = new Expression();
        steps.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(UsersTable.EMAIL_CLAIM + user.email()))
                // Only the account's own claim: never one the email has made since for a new account.
                .conditionExpression("attribute_not_exists(" + claim.name(Items.PK) + ") OR " + claim.name(UsersTable.USER_ID)
                        + " = " + claim.value(s(user.id())))
                .expressionAttributeNames(claim.names()).expressionAttributeValues(claim.values()).build()).build());
        steps.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(UsersTable.ATTEMPTS + user.email())).build()).build());
        AttributeValue reset = account.get(UsersTable.RESET_TOKEN_HASH);
        if (reset != null && reset.s() != null) {
            steps.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(key(UsersTable.RESET + reset.s())).build()).build());
        }
        Expression x = new Expression();
        steps.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of(Items.PK, s(UsersTable.USER + user.id()), UsersTable.USER_ID, s(user.id()),
                        UsersTable.ERASING, account.getOrDefault(UsersTable.ERASING, s(now.toString())),
                        UsersTable.ERASED_AT, s(now.toString()), UsersTable.EXPIRES_AT, n(tombstoneExpiresAt.getEpochSecond())))
                .conditionExpression("attribute_exists(" + x.name(UsersTable.ERASING) + ")")
                .expressionAttributeNames(x.names()).build()).build());
        // False when another erasure of the same account finished first: nothing more to do.
        Items.transactIfConditionsHold(dynamoDb, steps);
    }
}
