package kiosk.shared.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.ValidationException;
import kiosk.shared.json.Json;

/**
 * Jackson's reading of a body, each failure turned into the problem a client can act on and
 * never into Jackson's own message. Apart from ApiRequest so that routes without a body never
 * load Jackson.
 */
final class BodyReader {

    private BodyReader() {
    }

    static <T> T read(byte[] raw, Class<T> type) {
        T value;
        try {
            value = Json.MAPPER.readValue(raw, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(pointer(e), "is not a known field");
        } catch (StreamConstraintsException e) {
            throw new DomainException(ProblemType.MALFORMED_JSON,
                    "The body nests too deeply or holds a value that is too long.");
        } catch (InputCoercionException e) {
            throw new DomainException(ProblemType.VALIDATION, "A number in the body is out of range.");
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new DomainException(ProblemType.MALFORMED_JSON, "The body must be a JSON object.");
            }
            throw new ValidationException(pointer(e), "has the wrong type");
        } catch (JsonMappingException e) {
            throw new ValidationException(pointer(e), "is invalid");
        } catch (JacksonException e) {
            throw new DomainException(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON.");
        } catch (IOException e) {
            throw new DomainException(ProblemType.MALFORMED_JSON, "The body could not be read.");
        }
        if (value == null) {
            throw new DomainException(ProblemType.MALFORMED_JSON, "The body must be a JSON object.");
        }
        return value;
    }

    /** A JSON Pointer to where Jackson stopped, built from field names we echo only when short. */
    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                String name = reference.getFieldName();
                pointer.append(name.length() > 64 ? name.substring(0, 64) + "..."
                        : name.replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }
}
