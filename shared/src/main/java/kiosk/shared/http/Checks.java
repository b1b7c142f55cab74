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
                && require(!hasControlCharacters(value), pointer, "must not contain control characters")
                && unicode(value, pointer);
    }

    /**
     * A name: {@link #text} on one line that a reader can see and that displays as sent. At least
     * one visible character, no line breaks (a name "Eve\r\nX-Injected: yes" would become two lines
     * of a label or a header), no bidirectional controls, which can make a name read as another (an
     * order for "Bob\u202Eredro" shows as "Bobordre"), and no hidden formatting characters.
     */
    public boolean name(String value, String pointer, int min, int max) {
        return text(value, pointer, min, max)
                && (value == null || require(value.codePoints().anyMatch(Checks::visible), pointer,
                        "must contain a visible character")
                && require(value.codePoints().noneMatch(Checks::bidiControl), pointer,
                        "must not contain bidirectional control characters")
                && require(value.codePoints().noneMatch(Checks::lineBreak), pointer, "must be one line")
                && require(value.codePoints().noneMatch(Checks::hiddenFormat), pointer,
                        "must not contain invisible formatting characters"));
    }

    /** A break a reader or a renderer may start a new line at: the ASCII ones and Unicode's line and paragraph separators. */
    private static boolean lineBreak(int c) {
        return c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029;
    }

    /**
     * Invisible formatting characters (Unicode's Cf) that a name has no use for, such as tag
     * characters, which can smuggle text no reader sees; the joiners that emoji and some scripts
     * need (U+200C, U+200D) are allowed. Bidirectional controls have their own message.
     */
    private static boolean hiddenFormat(int c) {
        return Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D && !bidiControl(c);
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

    /** Any string that must survive UTF-8 as sent, such as a password: no lone surrogate. */
    public boolean unicode(String value, String pointer) {
        return value == null || require(!hasLoneSurrogate(value), pointer, "must be valid Unicode (it holds a lone surrogate)");
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Not blank, not a format character (zero-width space, joiners, soft hyphen), not a lone
     * combining mark, and not one of the letters and symbols that render as nothing.
     */
    private static boolean visible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.FORMAT
                && type != Character.CONTROL && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 && c != 0x2800 && c != 0x034F;
    }

    /** Embeddings, overrides, isolates and marks (U+061C, U+200E-F, U+202A-E, U+2066-9). */
    private static boolean bidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** Line breaks and tabs are allowed in free text; other control characters never are. */
    private static boolean hasControlCharacters(String value) {
        return value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r');
    }
}
