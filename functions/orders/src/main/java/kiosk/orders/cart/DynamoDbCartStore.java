package kiosk.orders.cart;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.VersionConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Carts in the CartsTable of template.yaml: one item per shopper, keyed by user id, its lines a
 * list of {productId, quantity} maps, removed by TTL ({@value #EXPIRES_AT}) a month after its last
 * change. Every write is conditional on the version read.
 */
public final class DynamoDbCartStore implements CartStore {

    static final String USER_ID = "userId";
    static final String LINES = "lines";
    static final String PRODUCT_ID = "productId";
    static final String QUANTITY = "quantity";
    static final String CURRENCY = "currency";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";
    static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCartStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Cart> find(String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(USER_ID, s(userId)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void save(Cart cart, long expectedVersion, long expiresAtEpochSecond) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_ID, s(cart.userId()));
        List<AttributeValue> lines = new ArrayList<>();
        for (Cart.Line line : cart.lines()) {
            lines.add(AttributeValue.fromM(Map.of(PRODUCT_ID, s(line.productId()), QUANTITY, n(line.quantity()))));
        }
        item.put(LINES, AttributeValue.fromL(lines));
        if (cart.currency() != null) {
            item.put(CURRENCY, s(cart.currency()));
        }
        item.put(VERSION, n(cart.version()));
        item.put(UPDATED_AT, s(cart.updatedAt()));
        item.put(EXPIRES_AT, n(expiresAtEpochSecond));
        Expression x = new Expression();
        String condition = expectedVersion == 0 ? "attribute_not_exists(" + x.name(USER_ID) + ")"
                : x.name(VERSION) + " = " + x.value(n(expectedVersion));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
            throw new VersionConflictException("The cart has changed since it was read.",
                    old.isEmpty() ? 0 : number(old, VERSION));
        }
    }

    /**
     * A transaction's step that empties the cart if it is still at {@code expectedVersion}, moving
     * its version on: checkout's, so that an order is placed from exactly the cart it priced.
     */
    public static TransactWriteItem emptied(String table, String userId, long expectedVersion, String now,
            long expiresAtEpochSecond) {
        Expression x = new Expression();
        Map<String, AttributeValue> item = Map.of(USER_ID, s(userId), LINES, AttributeValue.fromL(List.of()),
                VERSION, n(expectedVersion + 1), UPDATED_AT, s(now), EXPIRES_AT, n(expiresAtEpochSecond));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(x.name(VERSION) + " = " + x.value(n(expectedVersion)))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).build()).build();
    }

    static Cart fromItem(Map<String, AttributeValue> item) {
        List<Cart.Line> lines = new ArrayList<>();
        for (AttributeValue line : item.getOrDefault(LINES, AttributeValue.fromL(List.of())).l()) {
            lines.add(new Cart.Line(string(line.m(), PRODUCT_ID), Math.toIntExact(number(line.m(), QUANTITY))));
        }
        return new Cart(string(item, USER_ID), lines, item.containsKey(CURRENCY) ? string(item, CURRENCY) : null,
                number(item, VERSION), string(item, UPDATED_AT));
    }
}
