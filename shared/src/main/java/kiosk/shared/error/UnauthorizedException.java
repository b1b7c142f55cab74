package kiosk.shared.error;

public class UnauthorizedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String detail) {
        super(ProblemType.UNAUTHORIZED, detail);
    }
}
