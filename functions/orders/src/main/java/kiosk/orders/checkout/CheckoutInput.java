package kiosk.orders.checkout;

import java.util.regex.Pattern;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;
import kiosk.shared.money.Money;

/**
 * The body of POST /checkout. Prices are not in it: they come from the catalog at the moment of
 * checkout. {@code expectedTotal}, if given, is what the shopper was shown; a different total
 * is refused rather than charged. {@code paymentMethod} is opaque to Kiosk (a payment provider's
 * token, used by the payment job).
 */
public record CheckoutInput(Address shippingAddress, String promoCode, String paymentMethod, Money expectedTotal)
        implements Validated {

    static final Pattern PROMO_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    static final Pattern PAYMENT_METHOD = Pattern.compile("[A-Za-z0-9_]{3,128}");

    @Override
    public void validate(Checks checks) {
        if (checks.present(shippingAddress, "/shippingAddress")) {
            shippingAddress.validate(checks, "/shippingAddress");
        }
        if (promoCode != null) {
            checks.matches(promoCode, PROMO_CODE, "/promoCode", "must be 2-32 capital letters, digits or '-'");
        }
        if (checks.present(paymentMethod, "/paymentMethod")) {
            checks.matches(paymentMethod, PAYMENT_METHOD, "/paymentMethod", "must be a payment method token such as 'pm_card_visa'");
        }
        if (expectedTotal != null && checks.present(expectedTotal.amount(), "/expectedTotal/amount")) {
            checks.range(expectedTotal.amount(), 0, Long.MAX_VALUE / 4, "/expectedTotal/amount");
            checks.require(Money.isCurrency(expectedTotal.currency()), "/expectedTotal/currency", "must be an ISO 4217 code");
        }
    }
}
