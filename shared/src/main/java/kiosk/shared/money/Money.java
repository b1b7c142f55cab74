package kiosk.shared.money;

import java.util.Currency;

/**
 * An amount in integer minor units (cents for EUR) of an ISO 4217 currency. Never a float: money
 * that cannot be represented exactly is money that goes missing.
 */
public record Money(Long amount, String currency) {

    /** True when the code is an active ISO 4217 currency with minor units (not XAU, XXX...). */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
