package kiosk.orders.cart;

import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of PUT /cart/lines/{productId}: how many; 0 removes the line. */
public record CartLineInput(Integer quantity) implements Validated {

    public static final int MAX_QUANTITY = 99;

    @Override
    public void validate(Checks checks) {
        if (checks.present(quantity, "/quantity")) {
            checks.range(quantity, 0, MAX_QUANTITY, "/quantity");
        }
    }
}
