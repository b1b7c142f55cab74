package kiosk.fulfilment.shipping;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ShippingWebhookServiceTest {

    @Test
    void theServiceSignsABodyOnlyForItsPrimer() {
        // Signing with the partner's secret is what makes a webhook trusted: outside priming no
        // caller of this method may get a signature.
        ShippingWebhookService service = new ShippingWebhookService(new WebhookSignature("k".repeat(32)), null, null,
                Clock.systemUTC());
        assertThrows(IllegalStateException.class, () -> service.signForPriming("{}".getBytes(StandardCharsets.UTF_8)));
    }
}
