package kiosk.catalog.product;

import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/**
 * The body of POST /products/{id}/stock: units received (positive) or written off (negative),
 * added to whatever the stock is when it lands, so it commutes with sales made meanwhile.
 */
public record StockAdjustment(Integer delta) implements Validated {

    @Override
    public void validate(Checks checks) {
        if (checks.present(delta, "/delta")) {
            checks.range(delta, -ProductInput.MAX_STOCK, ProductInput.MAX_STOCK, "/delta");
            checks.require(delta != 0, "/delta", "must not be 0");
        }
    }
}
