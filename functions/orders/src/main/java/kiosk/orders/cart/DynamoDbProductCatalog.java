package kiosk.orders.cart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductItem;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Products read from the catalog's ProductsTable in one consistent BatchGetItem (a cart has at
 * most 50 lines; DynamoDB takes 100 keys a call), through the catalog's own item layout.
 */
public final class DynamoDbProductCatalog implements ProductCatalog {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbProductCatalog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Map<String, ProductSnapshot> find(Collection<String> ids) {
        Map<String, ProductSnapshot> found = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + 100)).stream()
                    .map(ProductItem::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            // DynamoDB may hand back part of a batch unprocessed under load: ask again for the rest.
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    Product product = ProductItem.fromItem(item);
                    found.put(product.id(), new ProductSnapshot(product.id(), product.name(), product.price(),
                            product.stock(), product.isActive()));
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * For a SnapStart primer only: puts a product as the catalog stores it, which while priming is
     * answered from memory and kept for the primer's round (kiosk.shared.aws.PrimingSandbox), so
     * its cart's reads find a product. Refused outside priming: the catalog is not this store's to write.
     */
    void seedForPriming(Product product) {
        if (!SnapStart.priming()) {
            throw new IllegalStateException("the orders functions never write the catalog");
        }
        dynamoDb.putItem(b -> b.tableName(table).item(ProductItem.toItem(product)));
    }
}
