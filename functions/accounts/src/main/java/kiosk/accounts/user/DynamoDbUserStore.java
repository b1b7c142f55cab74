package kiosk.accounts.user;

import static kiosk.accounts.Items.get;
import static kiosk.accounts.Items.key;
import static kiosk.accounts.Items.n;
import static kiosk.accounts.Items.putNew;
import static kiosk.accounts.Items.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiosk.shared.error.NotFoundException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts in the UsersTable of template.yaml. An account is the item {@code user#<id>}; its email
 * is claimed by the item {@code email#<email>}, written in the same transaction under the
 * condition that no claim exists. So an email is unique by construction, and a failed signup
 * leaves neither item behind. (Login attempts share the table: see DynamoDbLoginAttempts.)
 */
public final class DynamoDbUserStore implements UserStore {

    static final String USER = "user#";
    static final String EMAIL = "email#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUserStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(User user) {
        Map<String, AttributeValue> claim = Map.of("pk", s(EMAIL + user.email()), "userId", s(user.id()));
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    putNew(table, claim),
                    putNew(table, toItem(user))));
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
        Map<String, AttributeValue> claim = get(dynamoDb, table, EMAIL + email);
        return claim == null ? Optional.empty() : findById(claim.get("userId").s());
    }

    @Override
    public Optional<User> findById(String id) {
        Map<String, AttributeValue> item = get(dynamoDb, table, USER + id);
        return item == null ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void replacePasswordHash(String userId, String expected, String replacement) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(USER + userId))
                    .updateExpression("SET passwordHash = :new ADD version :one")
                    .conditionExpression("passwordHash = :old")
                    .expressionAttributeValues(Map.of(":new", s(replacement), ":old", s(expected), ":one", n(1))));
        } catch (ConditionalCheckFailedException e) {
            // Changed since it was read (another login upgraded it first): that change stands.
        }
    }

    @Override
    public User grantRole(String userId, String role) {
        try {
            Map<String, AttributeValue> item = dynamoDb.updateItem(b -> b.tableName(table).key(key(USER + userId))
                    .updateExpression("ADD #roles :role, version :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#roles", "roles"))
                    .expressionAttributeValues(Map.of(":role", AttributeValue.fromSs(java.util.List.of(role)), ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return fromItem(item);
        } catch (ConditionalCheckFailedException e) {
            throw new NotFoundException("No account " + userId + ".");
        }
    }

    static Map<String, AttributeValue> toItem(User user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(USER + user.id()));
        item.put("userId", s(user.id()));
        item.put("email", s(user.email()));
        item.put("name", s(user.name()));
        item.put("passwordHash", s(user.passwordHash()));
        if (!user.roles().isEmpty()) {
            // A string set cannot be empty in DynamoDB: no roles is no attribute.
            item.put("roles", AttributeValue.fromSs(user.sortedRoles()));
        }
        item.put("createdAt", s(user.createdAt()));
        item.put("version", n(1));
        return item;
    }

    static User fromItem(Map<String, AttributeValue> item) {
        AttributeValue roles = item.get("roles");
        return new User(item.get("userId").s(), item.get("email").s(), item.get("name").s(),
                item.get("passwordHash").s(), roles == null ? Set.of() : Set.copyOf(roles.ss()),
                item.get("createdAt").s());
    }
}
