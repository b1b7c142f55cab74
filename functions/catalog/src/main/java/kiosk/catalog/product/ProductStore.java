package kiosk.catalog.product;

import java.util.List;
import java.util.Optional;

/** Where products live. Implementations throw domain exceptions, never swallow a failed write. */
public interface ProductStore {

    /** The product, archived or not. */
    Optional<Product> find(String id);

    /** Stores a new product; a product with the same id is a conflict. */
    void create(Product product);

    /**
     * Replaces a product's fields if it is active and still at {@code expectedVersion}, returning
     * what is stored now. Throws NotFoundException when absent or archived, and
     * VersionConflictException, with the version it is at, when the version moved.
     */
    Product update(Product replacement, long expectedVersion);

    /** Archives an active product still at {@code expectedVersion}; failures as for update. */
    void archive(String id, long expectedVersion, String now);

    /** Active products by name, of one category or of all, after a position from an earlier page. */
    Page list(Optional<String> category, int limit, Optional<Position> after);

    /** Where a page ended: the listing index's sort key and the product id. */
    record Position(String sortKey, String id) {
    }

    record Page(List<Product> items, Optional<Position> next) {
    }
}
