package kiosk.shared.error;

/** A refusal that lifts on its own: the same request may succeed after {@link #retryAfterSeconds}. */
public class RetryLaterException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RetryLaterException(ProblemType type, String detail, long retryAfterSeconds) {
        super(type, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
