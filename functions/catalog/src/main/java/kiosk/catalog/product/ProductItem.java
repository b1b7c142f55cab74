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
 * these constants. Written by hand: the enhanced client's reflection costs cold start. Public for
 * the orders functions, which read products for the cart and take stock at checkout.
 *
 * <p>Active products carry the partition keys of the two sparse listing indexes (ByCategory,
 * ActiveProducts), sorted by {@link #SORT_KEY}; an archived product has neither, so it drops out of
 * every listing without a filter eating into page sizes.
 */
public final class ProductItem {

    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String CATEGORY = "category";
    public static final String PRICE_AMOUNT = "priceAmount";
    public static final String PRICE_CURRENCY = "priceCurrency";
    public static final String STOCK = "stock";
    public static final String STATUS = "status";
    public static final String VERSION = "version";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** Sort key of both listing indexes: the lower-cased name, then the id. */
    public static final String SORT_KEY = "sortKey";
    /** Partition key of ByCategory: the category, on active products only. */
    public static final String ACTIVE_CATEGORY = "activeCategory";
    /** Partition key of ActiveProducts: {@link #ACTIVE}, on active products only. */
    public static final String ACTIVE_ALL = "activeAll";
    public static final String ACTIVE = ProductStatus.ACTIVE.name();

    public static final String BY_CATEGORY = "ByCategory";
    public static final String ACTIVE_PRODUCTS = "ActiveProducts";

    private ProductItem() {
    }

    public static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, s(id));
    }

    public static Map<String, AttributeValue> toItem(Product p) {
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

    public static Product fromItem(Map<String, AttributeValue> item) {
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
