package kiosk.catalog.product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.VersionConflictException;

/** The store contract in memory, for handler and service tests; DynamoDbProductStoreIT checks the real one. */
final class InMemoryProductStore implements ProductStore {

    private final Map<String, Product> products = new ConcurrentHashMap<>();

    @Override
    public Optional<Product> find(String id) {
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public synchronized void create(Product product) {
        if (products.putIfAbsent(product.id(), product) != null) {
            throw new ConflictException("A product with id " + product.id() + " already exists.");
        }
    }

    @Override
    public synchronized Product update(String id, ProductChanges changes, long expectedVersion, String now) {
        Product current = checked(id, expectedVersion);
        Product stored = new Product(id, changes.name(), changes.description(), changes.category(), changes.price(),
                current.stock(), ProductStatus.ACTIVE, current.version() + 1, current.createdAt(), now);
        products.put(id, stored);
        return stored;
    }

    @Override
    public synchronized Product adjustStock(String id, int delta, String now) {
        Product current = products.get(id);
        if (current == null || !current.isActive()) {
            throw new NotFoundException("No product " + id + ".");
        }
        long next = (long) current.stock() + delta;
        if (next < 0 || next > ProductInput.MAX_STOCK) {
            throw StockOutOfRangeException.of(current.stock(), delta);
        }
        Product stored = new Product(id, current.name(), current.description(), current.category(), current.price(),
                (int) next, current.status(), current.version(), current.createdAt(), now);
        products.put(id, stored);
        return stored;
    }

    @Override
    public synchronized void archive(String id, long expectedVersion, String now) {
        Product current = checked(id, expectedVersion);
        products.put(id, new Product(id, current.name(), current.description(), current.category(), current.price(),
                current.stock(), ProductStatus.ARCHIVED, current.version() + 1, current.createdAt(), now));
    }

    @Override
    public Page list(Optional<String> category, int limit, Optional<Position> after) {
        List<Product> matching = products.values().stream()
                .filter(Product::isActive)
                .filter(p -> category.map(p.category()::equals).orElse(true))
                .filter(p -> after.map(a -> ProductItem.sortKey(p).compareTo(a.sortKey()) > 0).orElse(true))
                .sorted(Comparator.comparing(ProductItem::sortKey))
                .toList();
        List<Product> page = new ArrayList<>(matching.subList(0, Math.min(limit, matching.size())));
        Optional<Position> next = matching.size() > limit
                ? Optional.of(new Position(ProductItem.sortKey(page.get(page.size() - 1)), page.get(page.size() - 1).id()))
                : Optional.empty();
        return new Page(page, next);
    }

    void put(Product product) {
        products.put(product.id(), product);
    }

    private Product checked(String id, long expectedVersion) {
        Product current = products.get(id);
        if (current == null || !current.isActive()) {
            throw new NotFoundException("No product " + id + ".");
        }
        if (current.version() != expectedVersion) {
            throw new VersionConflictException("The product has changed since you read it.", current.version());
        }
        return current;
    }
}
