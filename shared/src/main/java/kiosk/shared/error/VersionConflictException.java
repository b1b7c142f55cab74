package kiosk.shared.error;

/**
 * A change refused because the resource is no longer at the version the caller read: optimistic
 * locking, in the terms of the domain. It carries the version the resource is at now, so the
 * caller can read it again.
 */
public class VersionConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public VersionConflictException(String detail, long currentVersion) {
        super(ProblemType.PRECONDITION_FAILED, detail);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
