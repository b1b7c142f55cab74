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
     * Replaces an active product's edited fields if it is still at {@code expectedVersion}, and
     * bumps the version; stock is left as it is. Returns what is stored now. Throws
     * NotFoundException when absent or archived, and VersionConflictException, with the version
     * it is at, when the version moved.
     */
    Product update(String id, ProductChanges changes, long expectedVersion, String now);

    /**
     * Adds {@code delta} to an active product's stock in one conditional write, whatever else
     * changed meanwhile (an edit does not conflict with it, nor it with an edit: the version is
     * left alone). Throws NotFoundException when absent or archived, StockOutOfRangeException when
     * the result would be below 0 or above {@link ProductInput#MAX_STOCK}.
     */
    Product adjustStock(String id, int delta, String now);

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
