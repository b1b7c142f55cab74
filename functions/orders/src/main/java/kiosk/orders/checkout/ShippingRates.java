package kiosk.orders.checkout;

import java.util.HashMap;
import java.util.Map;
import kiosk.shared.money.Money;

/**
 * Shipping per currency: a flat rate, free from a threshold of the discounted subtotal. Read from
 * SHIPPING_RATES, "EUR:495:5000,USD:595:7500" (currency, rate and threshold in minor units).
 */
public record ShippingRates(Map<String, Rate> rates) {

    public record Rate(long flat, long freeFrom) {
    }

    public static ShippingRates parse(String spec) {
        Map<String, Rate> rates = new HashMap<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts.length != 3 || !Money.isCurrency(parts[0])) {
                throw new IllegalArgumentException("SHIPPING_RATES entries are CURRENCY:RATE:FREE_FROM: " + entry);
            }
            rates.put(parts[0], new Rate(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        return new ShippingRates(Map.copyOf(rates));
    }

    /** What shipping costs for goods worth {@code discounted}; a currency without a rate ships free. */
    public long shipping(String currency, long discounted) {
        Rate rate = rates.get(currency);
        return rate == null || discounted >= rate.freeFrom() ? 0 : rate.flat();
    }
}
