package kiosk.accounts.session;

import java.time.Duration;
import java.time.Instant;

/**
 * How failed sign-ins on one subject (an email, an email from one address, an address) lock it:
 * the attempt that brings the count to {@code limit} locks for {@code firstLock}, each later one
 * doubles the lock up to {@code longestLock}, and a count untouched for {@code forgetAfter} (after
 * its lock has ended) starts again.
 */
public record Lockout(int limit, Duration firstLock, Duration longestLock, Duration forgetAfter) {

    /** The lock that the {@code count}th attempt in a row sets, or null below the limit. */
    public Instant lockUntil(int count, Instant now) {
        if (count < limit) {
            return null;
        }
        int doublings = Math.min(count - limit, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return now.plus(lock.compareTo(longestLock) > 0 ? longestLock : lock);
    }

    /** A subject's count and lock after one more attempt; times are epoch seconds. */
    public record Next(int count, long lockedUntil, long expiresAt) {
    }

    /**
     * What one more attempt at {@code now} makes of a subject whose stored state is
     * {@code failures}, {@code lockedUntil} and {@code expiresAt} (all 0 when none is stored): a
     * count past {@code expiresAt} starts again, and a lock only ever grows.
     */
    public Next next(long failures, long lockedUntil, long expiresAt, Instant now) {
        long nowSeconds = now.getEpochSecond();
        int count = Math.toIntExact(expiresAt <= nowSeconds ? 1 : failures + 1);
        Instant lock = lockUntil(count, now);
        long until = Math.max(lock == null ? 0 : lock.getEpochSecond(), lockedUntil);
        return new Next(count, until, Math.max(nowSeconds, until) + forgetAfter.toSeconds());
    }
}
