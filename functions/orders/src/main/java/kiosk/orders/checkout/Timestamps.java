package kiosk.orders.checkout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Order timestamps as ISO-8601 UTC with exactly three fraction digits, so that they sort as text
 * the way they sort as time: the ByUser and ByStatus indexes compare them as strings
 * ("10:00:00Z" would sort after "10:00:00.123Z").
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
