package kiosk.shared.error;

import java.util.List;

/**
 * What services and stores throw for anything a client caused or should know about. The message
 * is the problem's {@code detail}: written for the client, never a library's message.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldError> errors;

    public DomainException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public DomainException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
