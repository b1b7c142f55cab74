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
        long nowSeconds = now.getEpochSecond();
        Attempts current = bySubject.get(subject);
        if (current != null && current.lockedUntil() > nowSeconds) {
            throw new AccountLockedException(current.lockedUntil() - nowSeconds);
        }
        int count = current == null || current.expiresAt() <= nowSeconds ? 1 : current.failures() + 1;
        Instant lock = policy.lockUntil(count, now);
        long lockedUntil = Math.max(lock == null ? 0 : lock.getEpochSecond(), current == null ? 0 : current.lockedUntil());
        bySubject.put(subject, new Attempts(count, lockedUntil,
                Math.max(nowSeconds, lockedUntil) + policy.forgetAfter().toSeconds()));
        return count;
    }

    @Override
    public synchronized void check(String subject, Instant now) {
        Attempts current = bySubject.get(subject);
        if (current != null && current.lockedUntil() > now.getEpochSecond()) {
            throw new AccountLockedException(current.lockedUntil() - now.getEpochSecond());
        }
    }

    @Override
    public synchronized void clear(String subject) {
        bySubject.remove(subject);
    }
}
