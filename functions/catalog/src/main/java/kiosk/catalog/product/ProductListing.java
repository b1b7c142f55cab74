package kiosk.catalog.product;

import java.util.List;
import java.util.Optional;
import kiosk.shared.error.ValidationException;

/** GET /products: pages of active products, all or one category, by name. */
public final class ProductListing {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final ProductStore store;
    private final Cursors cursors;

    public ProductListing(ProductStore store, Cursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    public Result list(Optional<String> category, Optional<String> limit, Optional<String> cursor) {
        category.ifPresent(ProductListing::checkCategory);
        int size = limit.map(ProductListing::parseLimit).orElse(DEFAULT_LIMIT);
        String scope = category.map(c -> "category:" + c).orElse("all");
        Optional<ProductStore.Position> after = cursor.map(c -> cursors.decode(c, scope));
        ProductStore.Page page = store.list(category, size, after);
        return new Result(page.items(), page.next().map(position -> cursors.encode(scope, position)).orElse(null));
    }

    /** The response body; {@code nextCursor} is absent on the last page. */
    public record Result(List<Product> items, String nextCursor) {
    }

    private static void checkCategory(String category) {
        if (category.length() > ProductChanges.MAX_CATEGORY || !ProductChanges.CATEGORY.matcher(category).matches()) {
            throw new ValidationException("/query/category", "must be lower-case words joined by '-', such as 'home-office'");
        }
    }

    private static int parseLimit(String text) {
        if (text.matches("[0-9]{1,3}")) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        }
        throw new ValidationException("/query/limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
