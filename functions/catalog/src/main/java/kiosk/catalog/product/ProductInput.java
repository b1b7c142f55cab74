package kiosk.catalog.product;

import java.util.regex.Pattern;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;
import kiosk.shared.money.Money;

/** The body of POST /products and PUT /products/{id}: everything an admin may set. */
public record ProductInput(String name, String description, String category, Money price, Integer stock)
        implements Validated {

    public static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_CATEGORY = 40;
    public static final long MAX_PRICE = 1_000_000_000L;
    public static final int MAX_STOCK = 1_000_000;

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
        if (checks.present(stock, "/stock")) {
            checks.range(stock, 0, MAX_STOCK, "/stock");
        }
    }

    public String trimmedName() {
        return name.strip();
    }

    public String trimmedDescription() {
        return description == null ? "" : description.strip();
    }
}
