package kiosk.fulfilment.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the webhook takes from the partner's body, and each body it refuses. */
class ShippingEventTest {

    private static final String SHIPPED = "{\"id\":\"evt_1\",\"type\":\"shipment.shipped\",\"occurredAt\":\"2026-11-21T10:00:05Z\","
            + "\"shipmentId\":\"shp_1\",\"orderId\":\"o1\",\"carrier\":\"DHL\",\"trackingNumber\":\"JD0123\"";

    @Test
    void readsAShippedEventAndIgnoresWhatItDoesNotUse() {
        ShippingEvent event = parse(SHIPPED + ",\"extra\":{\"nested\":[1,2]}}");
        assertEquals(new ShippingEvent("evt_1", ShippingEvent.SHIPPED, "2026-11-21T10:00:05Z", "shp_1", "o1", "DHL", "JD0123"), event);
    }

    @Test
    void aDeliveredEventNeedsNoCarrier() {
        ShippingEvent event = parse("{\"id\":\"evt_2\",\"type\":\"shipment.delivered\",\"occurredAt\":\"2026-11-21T10:00:05.123Z\","
                + "\"shipmentId\":\"shp_1\",\"orderId\":\"o1\",\"carrier\":null}");
        assertNull(event.carrier());
        assertNull(event.trackingNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "5", "{", "{\"id\":\"a\",\"id\":\"b\"}", "{} {}", "{}x"})
    void refusesWhatIsNotOneJsonObject(String body) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(body));
        assertEquals("the body is not one JSON object", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"type\":\"shipment.shipped\"}", ",\"x\":1,\"x\":2}"})
    void refusesAKeyTwiceAnywhere(String tail) {
        assertThrows(IllegalArgumentException.class, () -> parse(SHIPPED + tail));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"id\":\"evt_1\"", "\"carrier\":\"DHL\"", "\"occurredAt\":\"2026-11-21T10:00:05Z\""})
    void refusesARequiredFieldMissingOrOfAnotherType(String field) {
        String missing = SHIPPED.replace(field + ",", "").replace("," + field, "") + "}";
        assertThrows(IllegalArgumentException.class, () -> parse(missing));
        String name = field.substring(0, field.indexOf(':'));
        for (String other : new String[] {"5", "true", "[\"x\"]", "{}"}) {
            String wrong = SHIPPED.replace(field, name + ":" + other) + "}";
            assertThrows(IllegalArgumentException.class, () -> parse(wrong), wrong);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-21T10:00:05+01:00", "2026-11-21 10:00:05Z", "2026-02-30T10:00:05Z", "tomorrow"})
    void refusesATimeThatIsNotACanonicalUtcInstant(String time) {
        assertThrows(IllegalArgumentException.class, () -> parse(SHIPPED.replace("2026-11-21T10:00:05Z", time) + "}"));
    }

    private static ShippingEvent parse(String body) {
        return ShippingEvent.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
