package kiosk.catalog.product;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Products in the ProductsTable of template.yaml. Active products carry the keys of two sparse
 * indexes (ByCategory, ActiveProducts) sorted by lower-cased name then id; archiving removes those
 * keys so an archived product drops out of every listing. Mapping is written by hand: the enhanced
 * client's reflection costs cold start.
 */
public final class DynamoDbProductStore implements ProductStore {

    static final String BY_CATEGORY = "ByCategory";
    static final String ACTIVE_PRODUCTS = "ActiveProducts";
    private static final String ACTIVE = "ACTIVE";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProductStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Product> find(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void create(Product product) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(toItem(product)).conditionExpression("attribute_not_exists(id)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("A product with id " + product.id() + " already exists.");
        }
    }

    @Override
    public Product update(Product p, long expectedVersion) {
        Map<String, String> names = Map.of("#name", "name", "#status", "status", "#version", "version");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", s(p.name()));
        values.put(":description", s(p.description()));
        values.put(":category", s(p.category()));
        values.put(":amount", n(p.price().amount()));
        values.put(":currency", s(p.price().currency()));
        values.put(":stock", n(p.stock()));
        values.put(":sortKey", s(sortKey(p)));
        values.put(":updatedAt", s(p.updatedAt()));
        values.put(":expected", n(expectedVersion));
        values.put(":one", n(1));
        values.put(":active", s(ACTIVE));
        try {
            Map<String, AttributeValue> stored = dynamoDb.updateItem(b -> b.tableName(table).key(key(p.id()))
                    .updateExpression("SET #name = :name, description = :description, category = :category,"
                            + " priceAmount = :amount, priceCurrency = :currency, stock = :stock, sortKey = :sortKey,"
                            + " activeCategory = :category, updatedAt = :updatedAt, #version = #version + :one")
                    .conditionExpression("#status = :active AND #version = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return fromItem(stored);
        } catch (ConditionalCheckFailedException e) {
            throw whyRefused(p.id(), e);
        }
    }

    @Override
    public void archive(String id, long expectedVersion, String now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(id))
                    .updateExpression("SET #status = :archived, updatedAt = :now, #version = #version + :one"
                            + " REMOVE activeCategory, activeAll")
                    .conditionExpression("#status = :active AND #version = :expected")
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                    .expressionAttributeValues(Map.of(":archived", s(ProductStatus.ARCHIVED.name()), ":now", s(now),
                            ":one", n(1), ":active", s(ACTIVE), ":expected", n(expectedVersion)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw whyRefused(id, e);
        }
    }

    @Override
    public Page list(Optional<String> category, int limit, Optional<Position> after) {
        String index = category.isPresent() ? BY_CATEGORY : ACTIVE_PRODUCTS;
        String partitionAttribute = category.isPresent() ? "activeCategory" : "activeAll";
        AttributeValue partition = s(category.orElse(ACTIVE));
        // One more than asked, so a page that ends the listing says so instead of handing out a
        // cursor to an empty page.
        QueryResponse response = dynamoDb.query(b -> {
            b.tableName(table).indexName(index)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", partitionAttribute))
                    .expressionAttributeValues(Map.of(":pk", partition))
                    .limit(limit + 1);
            after.ifPresent(position -> b.exclusiveStartKey(Map.of(
                    "id", s(position.id()), "sortKey", s(position.sortKey()), partitionAttribute, partition)));
        });
        List<Product> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(fromItem(item));
        }
        boolean more = items.size() > limit || response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        if (items.size() > limit) {
            items = items.subList(0, limit);
        }
        Optional<Position> next = more && !items.isEmpty()
                ? Optional.of(new Position(sortKey(items.get(items.size() - 1)), items.get(items.size() - 1).id()))
                : Optional.empty();
        return new Page(List.copyOf(items), next);
    }

    /** A failed condition means absent, archived or stale: the old item tells which. */
    private RuntimeException whyRefused(String id, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> old = e.hasItem() ? e.item() : Map.of();
        if (old.isEmpty() || !ACTIVE.equals(old.get("status").s())) {
            return new NotFoundException("No product " + id + ".");
        }
        return new VersionConflictException(
                "The product has changed since you read it: fetch it again and retry with its new version.",
                Long.parseLong(old.get("version").n()));
    }

    static String sortKey(Product product) {
        return product.name().toLowerCase(Locale.ROOT) + "#" + product.id();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    static Map<String, AttributeValue> toItem(Product p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(p.id()));
        item.put("name", s(p.name()));
        item.put("description", s(p.description()));
        item.put("category", s(p.category()));
        item.put("priceAmount", n(p.price().amount()));
        item.put("priceCurrency", s(p.price().currency()));
        item.put("stock", n(p.stock()));
        item.put("status", s(p.status().name()));
        item.put("version", n(p.version()));
        item.put("createdAt", s(p.createdAt()));
        item.put("updatedAt", s(p.updatedAt()));
        item.put("sortKey", s(sortKey(p)));
        if (p.isActive()) {
            item.put("activeCategory", s(p.category()));
            item.put("activeAll", s(ACTIVE));
        }
        return item;
    }

    static Product fromItem(Map<String, AttributeValue> item) {
        return new Product(
                item.get("id").s(),
                item.get("name").s(),
                item.get("description").s(),
                item.get("category").s(),
                new Money(Long.parseLong(item.get("priceAmount").n()), item.get("priceCurrency").s()),
                Integer.parseInt(item.get("stock").n()),
                ProductStatus.valueOf(item.get("status").s()),
                Long.parseLong(item.get("version").n()),
                item.get("createdAt").s(),
                item.get("updatedAt").s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
