package kiosk.orders;

import java.util.Optional;
import kiosk.shared.error.BadRequestException;

/** The {@code ?limit=} of the orders context's listings: 20 unless asked, 1 to 100. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {
    }

    /** The page size a query asks for; anything but a whole number from 1 to {@link #MAX} is a 400. */
    public static int of(Optional<String> limit) {
        return limit.map(PageSize::parse).orElse(DEFAULT);
    }

    private static int parse(String text) {
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX) {
            throw new BadRequestException("limit must be a whole number from 1 to " + MAX + ".");
        }
        return Integer.parseInt(text);
    }
}
