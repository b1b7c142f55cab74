package kiosk.catalog.product;

import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;
import kiosk.shared.money.Money;

/** The body of POST /products: what an admin edits later, and the stock the product starts with. */
public record ProductInput(String name, String description, String category, Money price, Integer stock)
        implements Validated {

    public static final int MAX_STOCK = 1_000_000;

    @Override
    public void validate(Checks checks) {
        changes().validate(checks);
        if (checks.present(stock, "/stock")) {
            checks.range(stock, 0, MAX_STOCK, "/stock");
        }
    }

    public ProductChanges changes() {
        return new ProductChanges(name, description, category, price);
    }
}
