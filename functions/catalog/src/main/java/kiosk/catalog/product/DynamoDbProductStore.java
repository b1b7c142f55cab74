package kiosk.catalog.product;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.VersionConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Products in the ProductsTable of template.yaml, laid out by {@link ProductItem}. Changes are
 * conditional on the product being active and at the version the caller read.
 */
public final class DynamoDbProductStore implements ProductStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProductStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Product> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(ProductItem.key(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProductItem.fromItem(item));
    }

    @Override
    public void create(Product product) {
        Expression x = new Expression();
        String absent = "attribute_not_exists(" + x.name(ProductItem.ID) + ")";
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(ProductItem.toItem(product)).conditionExpression(absent)
                    .expressionAttributeNames(x.names()));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("A product with id " + product.id() + " already exists.");
        }
    }

    @Override
    public Product update(String id, ProductChanges changes, long expectedVersion, String now) {
        Expression x = new Expression();
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        ProductItem.edited(id, changes, now).forEach((attribute, value) -> set.add(x.name(attribute) + " = " + x.value(value)));
        set.add(nextVersion(x));
        String condition = activeAt(x, expectedVersion);
        try {
            Map<String, AttributeValue> stored = dynamoDb.updateItem(b -> b.tableName(table).key(ProductItem.key(id))
                    .updateExpression(set.toString())
                    .conditionExpression(condition)
                    .expressionAttributeNames(x.names())
                    .expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return ProductItem.fromItem(stored);
        } catch (ConditionalCheckFailedException e) {
            throw whyRefused(id, e);
        }
    }

    @Override
    public Product adjustStock(String id, int delta, String now) {
        Expression x = new Expression();
        String stock = x.name(ProductItem.STOCK);
        String update = "SET " + stock + " = " + stock + " + " + x.value(n(delta)) + ", "
                + x.name(ProductItem.UPDATED_AT) + " = " + x.value(s(now));
        // Conditions cannot add, so the bound moves to the other side: stock >= -delta, stock <= max - delta.
        String condition = x.name(ProductItem.STATUS) + " = " + x.value(s(ProductItem.ACTIVE)) + " AND " + stock
                + (delta < 0 ? " >= " + x.value(n(-(long) delta)) : " <= " + x.value(n(ProductInput.MAX_STOCK - (long) delta)));
        try {
            return ProductItem.fromItem(dynamoDb.updateItem(b -> b.tableName(table).key(ProductItem.key(id))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(x.names())
                    .expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes());
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
            if (old.isEmpty() || !ProductItem.ACTIVE.equals(string(old, ProductItem.STATUS))) {
                throw new NotFoundException("No product " + id + ".");
            }
            throw StockOutOfRangeException.of(number(old, ProductItem.STOCK), delta);
        }
    }

    @Override
    public void archive(String id, long expectedVersion, String now) {
        Expression x = new Expression();
        String update = "SET " + x.name(ProductItem.STATUS) + " = " + x.value(s(ProductStatus.ARCHIVED.name())) + ", "
                + x.name(ProductItem.UPDATED_AT) + " = " + x.value(s(now)) + ", " + nextVersion(x)
                + " REMOVE " + x.name(ProductItem.ACTIVE_CATEGORY) + ", " + x.name(ProductItem.ACTIVE_ALL);
        String condition = activeAt(x, expectedVersion);
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(ProductItem.key(id))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(x.names())
                    .expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw whyRefused(id, e);
        }
    }

    @Override
    public Page list(Optional<String> category, int limit, Optional<Position> after) {
        String index = category.isPresent() ? ProductItem.BY_CATEGORY : ProductItem.ACTIVE_PRODUCTS;
        String partitionAttribute = category.isPresent() ? ProductItem.ACTIVE_CATEGORY : ProductItem.ACTIVE_ALL;
        AttributeValue partition = s(category.orElse(ProductItem.ACTIVE));
        Expression x = new Expression();
        String keyCondition = x.name(partitionAttribute) + " = " + x.value(partition);
        // One more than asked, so a page that ends the listing says so instead of handing out a
        // cursor to an empty page.
        QueryResponse response = dynamoDb.query(b -> {
            b.tableName(table).indexName(index)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(x.names())
                    .expressionAttributeValues(x.values())
                    .limit(limit + 1);
            after.ifPresent(position -> b.exclusiveStartKey(Map.of(ProductItem.ID, s(position.id()),
                    ProductItem.SORT_KEY, s(position.sortKey()), partitionAttribute, partition)));
        });
        List<Product> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(ProductItem.fromItem(item));
        }
        boolean more = items.size() > limit || response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        if (items.size() > limit) {
            items = items.subList(0, limit);
        }
        Optional<Position> next = more && !items.isEmpty()
                ? Optional.of(new Position(ProductItem.sortKey(items.get(items.size() - 1)), items.get(items.size() - 1).id()))
                : Optional.empty();
        return new Page(List.copyOf(items), next);
    }

    /**
     * A transaction's step that takes {@code quantity} units of an active product, or cancels the
     * whole transaction (its reason ALL_OLD, to say how many there were): for checkout, whose
     * sale must never wait for or fail on an admin's edit, so neither the version nor any edited
     * field is read or written.
     */
    public static TransactWriteItem takeStock(String table, String id, int quantity, String now) {
        Expression x = new Expression();
        String stock = x.name(ProductItem.STOCK);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(ProductItem.key(id))
                .updateExpression("SET " + stock + " = " + stock + " - " + x.value(n(quantity)) + ", "
                        + x.name(ProductItem.UPDATED_AT) + " = " + x.value(s(now)))
                .conditionExpression(x.name(ProductItem.STATUS) + " = " + x.value(s(ProductItem.ACTIVE)) + " AND "
                        + stock + " >= " + x.value(n(quantity)))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    /**
     * A transaction's step that gives back units of a cancelled order: added to whatever the stock
     * is now, archived or not (the product's item must exist, and always does: products are
     * archived, never deleted).
     */
    public static TransactWriteItem releaseStock(String table, String id, int quantity, String now) {
        Expression x = new Expression();
        String stock = x.name(ProductItem.STOCK);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(ProductItem.key(id))
                .updateExpression("SET " + stock + " = " + stock + " + " + x.value(n(quantity)) + ", "
                        + x.name(ProductItem.UPDATED_AT) + " = " + x.value(s(now)))
                .conditionExpression("attribute_exists(" + x.name(ProductItem.ID) + ")")
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).build()).build();
    }

    private static String nextVersion(Expression x) {
        String version = x.name(ProductItem.VERSION);
        return version + " = " + version + " + " + x.value(n(1));
    }

    private static String activeAt(Expression x, long expectedVersion) {
        return x.name(ProductItem.STATUS) + " = " + x.value(s(ProductItem.ACTIVE)) + " AND "
                + x.name(ProductItem.VERSION) + " = " + x.value(n(expectedVersion));
    }

    /** A failed condition means absent, archived or stale: the old item tells which. */
    private RuntimeException whyRefused(String id, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
        if (old.isEmpty() || !ProductItem.ACTIVE.equals(string(old, ProductItem.STATUS))) {
            return new NotFoundException("No product " + id + ".");
        }
        return new VersionConflictException(
                "The product has changed since you read it: fetch it again and retry with its new version.",
                number(old, ProductItem.VERSION));
    }
}
