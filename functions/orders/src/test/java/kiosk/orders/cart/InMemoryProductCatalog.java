package kiosk.orders.cart;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiosk.shared.money.Money;

/** Products for the cart's tests, set by the test; DynamoDbProductCatalogIT checks the real reader. */
final class InMemoryProductCatalog implements ProductCatalog {

    private final Map<String, ProductSnapshot> products = new ConcurrentHashMap<>();

    InMemoryProductCatalog put(String id, String name, long amount, String currency, int stock) {
        products.put(id, new ProductSnapshot(id, name, new Money(amount, currency), stock, true));
        return this;
    }

    InMemoryProductCatalog archive(String id) {
        ProductSnapshot p = products.get(id);
        products.put(id, new ProductSnapshot(id, p.name(), p.price(), p.stock(), false));
        return this;
    }

    @Override
    public Map<String, ProductSnapshot> find(Collection<String> ids) {
        Map<String, ProductSnapshot> found = new HashMap<>();
        ids.forEach(id -> {
            if (products.containsKey(id)) {
                found.put(id, products.get(id));
            }
        });
        return found;
    }
}
