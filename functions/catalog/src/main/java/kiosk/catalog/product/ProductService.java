package kiosk.catalog.product;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.lambda.SnapStart;

/** Reading and changing single products. Listing lives in {@link ProductListing}. */
public final class ProductService {

    /** Ids we issue are UUIDs; anything else cannot exist, and is not worth a database call. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ProductStore store;
    private final Clock clock;
    private final Supplier<String> ids;

    public ProductService(ProductStore store, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
    }

    public static ProductService withDefaults(ProductStore store) {
        return new ProductService(store, Clock.systemUTC(), SnapStart::randomUuid);
    }

    /** An active product; absent and archived look the same to a client. */
    public Product get(String id) {
        return findActive(id);
    }

    public Product create(ProductInput input) {
        String now = now();
        ProductChanges fields = input.changes().trimmed();
        Product product = new Product(ids.get(), fields.name(), fields.description(), fields.category(),
                fields.price(), input.stock(), ProductStatus.ACTIVE, 1, now, now);
        store.create(product);
        return product;
    }

    /**
     * Replaces an active product's edited fields. {@code expected} is the If-Match version; empty
     * stands for {@code If-Match: *}, which still writes against the version just read so that a
     * change racing with this one is refused, not overwritten.
     */
    public Product update(String id, OptionalLong expected, ProductChanges input) {
        checkId(id);
        long version = expected.isPresent() ? expected.getAsLong() : findActive(id).version();
        return store.update(id, input.trimmed(), version, now());
    }

    /** Adds a signed number of units to an active product's stock, atomically. */
    public Product adjustStock(String id, StockAdjustment adjustment) {
        checkId(id);
        return store.adjustStock(id, adjustment.delta(), now());
    }

    public void archive(String id, OptionalLong expected) {
        checkId(id);
        long version = expected.isPresent() ? expected.getAsLong() : findActive(id).version();
        store.archive(id, version, now());
    }

    private Product findActive(String id) {
        checkId(id);
        return store.find(id).filter(Product::isActive)
                .orElseThrow(() -> new NotFoundException("No product " + id + "."));
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("No product with that id.");
        }
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
