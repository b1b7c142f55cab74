package kiosk.accounts.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Login attempts in memory, for service tests; LoginAttemptsContract keeps it honest against DynamoDB's. */
public final class InMemoryLoginAttempts implements LoginAttempts {

    private record Attempts(int failures, long lockedUntil, long expiresAt) {
    }

    private final Map<String, Attempts> bySubject = new HashMap<>();

    @Override
    public synchronized int begin(String subject, Instant now, Lockout policy) {
        Attempts current = bySubject.get(subject);
        if (current != null) {
            AccountLockedException.refuseIfLocked(current.lockedUntil(), now);
        }
        Lockout.Next next = current == null ? policy.next(0, 0, 0, now)
                : policy.next(current.failures(), current.lockedUntil(), current.expiresAt(), now);
        bySubject.put(subject, new Attempts(next.count(), next.lockedUntil(), next.expiresAt()));
        return next.count();
    }

    @Override
    public synchronized void check(String subject, Instant now) {
        Attempts current = bySubject.get(subject);
        if (current != null) {
            AccountLockedException.refuseIfLocked(current.lockedUntil(), now);
        }
    }

    @Override
    public synchronized void clear(String subject) {
        bySubject.remove(subject);
    }
}
