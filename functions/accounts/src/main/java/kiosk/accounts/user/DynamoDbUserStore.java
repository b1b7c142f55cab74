package kiosk.accounts.user;

import static kiosk.accounts.Items.get;
import static kiosk.accounts.Items.key;
import static kiosk.accounts.Items.putNew;
import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.ss;
import static kiosk.shared.dynamodb.Attributes.string;

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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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
        return item == null ? Optional.empty() : Optional.of(UsersTable.user(item));
    }

    @Override
    public void replacePasswordHash(String userId, String expected, String replacement) {
        Expression x = new Expression();
        String hash = x.name(UsersTable.PASSWORD_HASH);
        String update = "SET " + hash + " = " + x.value(s(replacement)) + " ADD " + x.name(UsersTable.VERSION) + " " + x.value(n(1));
        String condition = hash + " = " + x.value(s(expected));
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(UsersTable.USER + userId))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
        } catch (ConditionalCheckFailedException e) {
            // Changed since it was read (another login upgraded it first): that change stands.
        }
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
}
