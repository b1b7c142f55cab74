package kiosk.catalog.product;

import java.util.regex.Pattern;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;
import kiosk.shared.money.Money;

/**
 * The body of PUT /products/{id}: what an admin edits. Stock is not here: it changes only by
 * atomic adjustments (sales, cancellations, POST /products/{id}/stock), so an edit made from a
 * page read minutes ago can never overwrite the units sold since.
 */
public record ProductChanges(String name, String description, String category, Money price) implements Validated {

    public static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_CATEGORY = 40;
    public static final long MAX_PRICE = 1_000_000_000L;

    @Override
    public void validate(Checks checks) {
        checks.name(name, "/name", 1, 120);
        checks.text(description, "/description", 0, 2000);
        if (checks.matches(category, CATEGORY, "/category", "must be lower-case words joined by '-', such as 'home-office'")) {
            checks.require(category.length() <= MAX_CATEGORY, "/category", "must be at most " + MAX_CATEGORY + " characters");
        }
        if (checks.present(price, "/price")) {
            if (checks.present(price.amount(), "/price/amount")) {
                checks.range(price.amount(), 1, MAX_PRICE, "/price/amount");
            }
            checks.require(Money.isCurrency(price.currency()), "/price/currency", "must be an ISO 4217 code such as 'EUR'");
        }
    }

    /** The changes as stored: name and description without surrounding space, no description as "". */
    public ProductChanges trimmed() {
        return new ProductChanges(name.strip(), description == null ? "" : description.strip(), category, price);
    }
}
