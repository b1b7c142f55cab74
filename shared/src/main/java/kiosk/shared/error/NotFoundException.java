package kiosk.shared.error;

public class NotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
