package kiosk.shared.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kiosk.shared.error.FieldError;
import kiosk.shared.error.ValidationException;

/**
 * Collects every broken rule of a body so the client learns all of them in one answer. Pointers
 * are JSON Pointers into the body ({@code /price/amount}).
 */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    public boolean require(boolean condition, String pointer, String detail) {
        if (!condition) {
            errors.add(new FieldError(pointer, detail));
        }
        return condition;
    }

    /** A required string whose length, counted in code points after trimming, lies in [min, max]. */
    public boolean text(String value, String pointer, int min, int max) {
        if (value == null) {
            return require(min == 0, pointer, "is required");
        }
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        return require(length >= min && length <= max, pointer,
                        min == max ? "must be " + min + " characters" : "must be " + min + " to " + max + " characters")
                && require(!hasControlCharacters(value), pointer, "must not contain control characters");
    }

    public boolean matches(String value, Pattern pattern, String pointer, String detail) {
        if (value == null) {
            return require(false, pointer, "is required");
        }
        return require(pattern.matcher(value).matches(), pointer, detail);
    }

    public boolean range(long value, long min, long max, String pointer) {
        return require(value >= min && value <= max, pointer, "must be between " + min + " and " + max);
    }

    public boolean present(Object value, String pointer) {
        return require(value != null, pointer, "is required");
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Line breaks and tabs are allowed in free text; other control characters never are. */
    private static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r');
    }
}
