package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShippingRatesTest {

    @Test
    void aFlatRateBelowTheThresholdAndFreeFromIt() {
        ShippingRates rates = ShippingRates.parse("EUR:495:5000, USD:595:7500");
        assertEquals(495, rates.shipping("EUR", 4999));
        assertEquals(0, rates.shipping("EUR", 5000));
        assertEquals(595, rates.shipping("USD", 0));
        assertEquals(0, rates.shipping("JPY", 10), "a currency without a rate ships free");
    }

    @Test
    void aMalformedSpecificationFailsAtStart() {
        assertThrows(IllegalArgumentException.class, () -> ShippingRates.parse("EUR:495"));
        assertThrows(IllegalArgumentException.class, () -> ShippingRates.parse("EURO:1:2"));
        assertThrows(NumberFormatException.class, () -> ShippingRates.parse("EUR:x:2"));
    }
}
