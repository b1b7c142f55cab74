package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.LocalAws;
import kiosk.shared.money.Money;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Products written by the catalog's own store, read back by the cart's reader. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbProductCatalogIT {

    private final LocalAws aws;

    DynamoDbProductCatalogIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void readsActiveAndArchivedProductsAndLeavesOutAbsentOnesAcrossBatches() {
        DynamoDbProductStore products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = UUID.randomUUID().toString();
            products.create(new Product(id, "Item " + i, "", "misc", new Money(100L + i, "EUR"), i, ProductStatus.ACTIVE, 1,
                    "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z"));
            ids.add(id);
        }
        products.archive(ids.get(3), 1, "2026-11-21T11:00:00Z");
        List<String> asked = new ArrayList<>(ids);
        asked.add("no-such-product");
        asked.add(ids.get(0));
        Map<String, ProductSnapshot> found = new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable"))
                .find(asked);
        assertEquals(120, found.size());
        assertEquals(new ProductSnapshot(ids.get(7), "Item 7", new Money(107L, "EUR"), 7, true), found.get(ids.get(7)));
        assertFalse(found.get(ids.get(3)).active());
        assertTrue(found.get(ids.get(119)).active());
    }
}
