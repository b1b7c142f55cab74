package kiosk.accounts.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Login attempts in memory, for service tests; LoginAttemptsContract keeps it honest against DynamoDB's. */
public final class InMemoryLoginAttempts implements LoginAttempts {

    private record Attempts(int failures, Instant lockedUntil) {
    }

    private final Map<String, Attempts> byEmail = new HashMap<>();

    @Override
    public synchronized int begin(String email, Instant now) {
        Attempts current = byEmail.getOrDefault(email, new Attempts(0, null));
        if (current.lockedUntil() != null && current.lockedUntil().getEpochSecond() > now.getEpochSecond()) {
            throw new AccountLockedException(Math.max(1, current.lockedUntil().getEpochSecond() - now.getEpochSecond()));
        }
        Attempts next = new Attempts(current.failures() + 1, current.lockedUntil());
        byEmail.put(email, next);
        return next.failures();
    }

    @Override
    public synchronized void lock(String email, Instant until) {
        Attempts current = byEmail.getOrDefault(email, new Attempts(0, null));
        byEmail.put(email, new Attempts(current.failures(), until));
    }

    @Override
    public synchronized void clear(String email) {
        byEmail.remove(email);
    }
}
