package kiosk.shared.error;

import java.util.List;

/** A well-formed request whose values break the rules; lists every broken rule at once. */
public class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldError> errors) {
        super(ProblemType.VALIDATION, summary(errors), errors);
    }

    public ValidationException(String pointer, String detail) {
        this(List.of(new FieldError(pointer, detail)));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one error");
        }
        return errors.size() == 1
                ? errors.get(0).pointer() + ": " + errors.get(0).detail()
                : errors.size() + " fields are invalid; see errors";
    }
}
