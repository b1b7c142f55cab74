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
}
