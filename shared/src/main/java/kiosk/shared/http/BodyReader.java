package kiosk.shared.http;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.List;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.ValidationException;
import kiosk.shared.json.JsonRecords;

/**
 * The reading of a body, each failure turned into the problem a client can act on and never into
 * a parser's own message. Apart from ApiRequest so that routes without a body never load the
 * parser.
 */
final class BodyReader {

    private BodyReader() {
    }

    static <T> T read(byte[] raw, Class<T> type) {
        if (!Record.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("a body is read into a record, not " + type.getName());
        }
        try {
            return type.cast(JsonRecords.read(raw, type.asSubclass(Record.class)));
        } catch (JsonRecords.Mismatch e) {
            throw switch (e.kind()) {
                case NOT_AN_OBJECT -> new DomainException(ProblemType.MALFORMED_JSON, "The body must be a JSON object.");
                case UNKNOWN_FIELD -> new ValidationException(pointer(e.path()), "is not a known field");
                case WRONG_TYPE -> new ValidationException(pointer(e.path()), "has the wrong type");
                case OUT_OF_RANGE -> new ValidationException(pointer(e.path()), "is out of range");
                case INVALID -> new ValidationException(pointer(e.path()), "is invalid");
            };
        } catch (StreamConstraintsException e) {
            throw new DomainException(ProblemType.MALFORMED_JSON,
                    "The body nests too deeply or holds a value that is too long.");
        } catch (IOException e) {
            throw new DomainException(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON.");
        }
    }

    /**
     * A JSON Pointer to where reading stopped. A field name is echoed whole only when short: a
     * longer one is cut to its first 64 characters (never inside one: a surrogate pair stays whole),
     * escaped like any other, and marked with "...".
     */
    private static String pointer(List<Object> path) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : path) {
            pointer.append('/');
            if (step instanceof String name) {
                boolean cut = name.codePointCount(0, name.length()) > 64;
                String shown = cut ? name.substring(0, name.offsetByCodePoints(0, 64)) : name;
                pointer.append(shown.replace("~", "~0").replace("/", "~1")).append(cut ? "..." : "");
            } else {
                pointer.append(step);
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }
}
