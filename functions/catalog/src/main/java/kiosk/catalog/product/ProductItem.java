package kiosk.catalog.product;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kiosk.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one item layout of the ProductsTable: its attribute names, and the mapping between a
 * {@link Product} and an item, both ways. The store's expressions name attributes only through
 * these constants. Written by hand: the enhanced client's reflection costs cold start.
 *
 * <p>Active products carry the partition keys of the two sparse listing indexes (ByCategory,
 * ActiveProducts), sorted by {@link #SORT_KEY}; an archived product has neither, so it drops out of
 * every listing without a filter eating into page sizes.
 */
final class ProductItem {

    static final String ID = "id";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String PRICE_AMOUNT = "priceAmount";
    static final String PRICE_CURRENCY = "priceCurrency";
    static final String STOCK = "stock";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** Sort key of both listing indexes: the lower-cased name, then the id. */
    static final String SORT_KEY = "sortKey";
    /** Partition key of ByCategory: the category, on active products only. */
    static final String ACTIVE_CATEGORY = "activeCategory";
    /** Partition key of ActiveProducts: {@link #ACTIVE}, on active products only. */
    static final String ACTIVE_ALL = "activeAll";
    static final String ACTIVE = ProductStatus.ACTIVE.name();

    static final String BY_CATEGORY = "ByCategory";
    static final String ACTIVE_PRODUCTS = "ActiveProducts";

    private ProductItem() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, s(id));
    }

    static Map<String, AttributeValue> toItem(Product p) {
        Map<String, AttributeValue> item = new HashMap<>(edited(p.id(), new ProductChanges(p.name(), p.description(),
                p.category(), p.price()), p.updatedAt()));
        item.put(ID, s(p.id()));
        item.put(STOCK, n(p.stock()));
        item.put(STATUS, s(p.status().name()));
        item.put(VERSION, n(p.version()));
        item.put(CREATED_AT, s(p.createdAt()));
        if (p.isActive()) {
            item.put(ACTIVE_ALL, s(ACTIVE));
        } else {
            item.remove(ACTIVE_CATEGORY);
        }
        return item;
    }

    /**
     * What an admin's edit of an active product writes: the edited fields and the index keys
     * they decide. Never the stock, the status, the version or the creation time.
     */
    static Map<String, AttributeValue> edited(String id, ProductChanges c, String now) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(NAME, s(c.name()));
        item.put(DESCRIPTION, s(c.description()));
        item.put(CATEGORY, s(c.category()));
        item.put(PRICE_AMOUNT, n(c.price().amount()));
        item.put(PRICE_CURRENCY, s(c.price().currency()));
        item.put(SORT_KEY, s(sortKey(c.name(), id)));
        item.put(ACTIVE_CATEGORY, s(c.category()));
        item.put(UPDATED_AT, s(now));
        return item;
    }

    static Product fromItem(Map<String, AttributeValue> item) {
        return new Product(
                string(item, ID),
                string(item, NAME),
                string(item, DESCRIPTION),
                string(item, CATEGORY),
                new Money(number(item, PRICE_AMOUNT), string(item, PRICE_CURRENCY)),
                Math.toIntExact(number(item, STOCK)),
                ProductStatus.valueOf(string(item, STATUS)),
                number(item, VERSION),
                string(item, CREATED_AT),
                string(item, UPDATED_AT));
    }

    static String sortKey(Product product) {
        return sortKey(product.name(), product.id());
    }

    static String sortKey(String name, String id) {
        return name.toLowerCase(Locale.ROOT) + "#" + id;
    }
}
