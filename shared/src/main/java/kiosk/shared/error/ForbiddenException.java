package kiosk.shared.error;

public class ForbiddenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
