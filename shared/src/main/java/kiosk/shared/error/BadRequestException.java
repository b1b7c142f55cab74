package kiosk.shared.error;

public class BadRequestException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String detail) {
        super(ProblemType.BAD_REQUEST, detail);
    }
}
