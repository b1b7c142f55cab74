package kiosk.shared.error;

import java.util.List;
import java.util.Map;

/**
 * What services and stores throw for anything a client caused or should know about. The message
 * is the problem's {@code detail}: written for the client, never a library's message.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public DomainException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Headers the answer must carry, such as the current ETag with a 412. */
    public Map<String, String> headers() {
        return headers;
    }
}
