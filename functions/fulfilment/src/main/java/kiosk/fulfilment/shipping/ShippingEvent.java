package kiosk.fulfilment.shipping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import kiosk.shared.json.JsonValues;

/**
 * One event of the shipping partner's webhook (README: the webhook contract): its id (unique: a
 * second delivery of it is a replay), type, when it happened, the shipment and order it concerns,
 * and, for shipped, the carrier and tracking number.
 */
public record ShippingEvent(String id, String type, String occurredAt, String shipmentId, String orderId,
                            String carrier, String trackingNumber) {

    public static final String SHIPPED = "shipment.shipped";
    public static final String DELIVERED = "shipment.delivered";
    public static final String RETURNED = "shipment.returned";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    /** yyyy-MM-ddTHH:mm:ss, an optional fraction, Z: no offsets, no leap seconds, no years past 9999. */
    private static final Pattern UTC = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");
    private static final Pattern TEXT = Pattern.compile("[\\p{Alnum} _.:/-]{1,100}");

    /** The event a body carries; {@link IllegalArgumentException} saying what is wrong with one that is not. */
    public static ShippingEvent parse(byte[] body) {
        // jackson-core's parser alone (a key twice and anything after the object refused): databind
        // was a fifth of the classes this function loaded on a cold start, for one flat object.
        Map<String, Object> root;
        try {
            root = JsonValues.readObject(new ByteArrayInputStream(body));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the body is not one JSON object");
        }
        if (root == null) {
            throw new IllegalArgumentException("the body is not one JSON object");
        }
        String type = text(root, "type", Pattern.compile(Pattern.quote(SHIPPED) + "|" + Pattern.quote(DELIVERED) + "|"
                + Pattern.quote(RETURNED)), true);
        String occurredAt = text(root, "occurredAt", Pattern.compile(".{1,40}"), true);
        try {
            if (!UTC.matcher(occurredAt).matches() || !Instant.parse(occurredAt).toString().startsWith(occurredAt.substring(0, 19))) {
                throw new DateTimeParseException("not canonical", occurredAt, 0);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt must be an ISO-8601 UTC instant such as 2026-11-21T10:00:05Z");
        }
        boolean shipped = SHIPPED.equals(type);
        return new ShippingEvent(text(root, "id", ID, true), type, occurredAt, text(root, "shipmentId", ID, true),
                text(root, "orderId", ID, true), text(root, "carrier", TEXT, shipped),
                text(root, "trackingNumber", TEXT, shipped));
    }

    private static String text(Map<String, Object> root, String name, Pattern allowed, boolean required) {
        Object value = root.get(name);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(name + " is required");
            }
            return null;
        }
        if (!(value instanceof String text) || !allowed.matcher(text).matches()) {
            throw new IllegalArgumentException(name + " is not valid" + (name.equals("type")
                    ? ": " + SHIPPED + ", " + DELIVERED + " or " + RETURNED : ""));
        }
        return text;
    }

    /** The body as the partner sends it. */
    public Map<String, String> asMap() {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("occurredAt", occurredAt);
        body.put("shipmentId", shipmentId);
        body.put("orderId", orderId);
        if (carrier != null) {
            body.put("carrier", carrier);
        }
        if (trackingNumber != null) {
            body.put("trackingNumber", trackingNumber);
        }
        return body;
    }
}
