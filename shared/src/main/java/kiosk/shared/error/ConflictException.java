package kiosk.shared.error;

public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
