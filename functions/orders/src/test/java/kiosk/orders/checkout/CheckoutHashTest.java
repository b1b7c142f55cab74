package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import kiosk.shared.json.Json;
import kiosk.shared.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The idempotency hash of a checkout body is what it was when databind wrote the canonical JSON:
 * a client retrying a checkout across a deploy is answered with its order, not told its key was
 * used for another request.
 */
class CheckoutHashTest {

    @Test
    void hashesEachBodyAsDatabindDid() throws Exception {
        Address berlin = new Address("Zoë \"Z\" O\\Brien", List.of("Straße 1", "c/o 😀 שלום"), "Berlin", "10115", "DE");
        for (CheckoutInput input : List.of(
                new CheckoutInput(berlin, "WELCOME10", "pm_card_visa", new Money(2599L, "EUR")),
                new CheckoutInput(berlin, null, "pm_card_visa", null),
                new CheckoutInput(new Address("A", List.of("l"), "C", "1", "FR"), null, null, new Money(0L, "EUR")))) {
            CheckoutInput stored = new CheckoutInput(input.shippingAddress().trimmed(), input.promoCode(), input.paymentMethod(),
                    input.expectedTotal());
            byte[] databind = Json.MAPPER.writeValueAsString(stored).getBytes(StandardCharsets.UTF_8);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(databind)),
                    CheckoutService.hash(input), input::toString);
        }
    }

    @Test
    void aBodyThatDiffersOnlyInSpacesAroundTheAddressHashesTheSameAndAnyOtherChangeDoesNot() {
        Address address = new Address("Ann", List.of("Main St 1"), "Berlin", "10115", "DE");
        Address spaced = new Address(" Ann ", List.of("Main St 1 "), "Berlin ", " 10115", "DE");
        CheckoutInput input = new CheckoutInput(address, null, "pm_card_visa", null);
        assertEquals(CheckoutService.hash(input), CheckoutService.hash(new CheckoutInput(spaced, null, "pm_card_visa", null)));
        assertNotEquals(CheckoutService.hash(input), CheckoutService.hash(new CheckoutInput(address, "WELCOME10", "pm_card_visa", null)));
        assertNotEquals(CheckoutService.hash(input), CheckoutService.hash(new CheckoutInput(address, null, "pm_card_visa",
                new Money(1L, "EUR"))));
    }
}
