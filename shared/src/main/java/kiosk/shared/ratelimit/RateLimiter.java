package kiosk.shared.ratelimit;

import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;

/** Counts one subject's requests of one kind and refuses those over its limit. */
@FunctionalInterface
public interface RateLimiter {

    ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429, "Too many requests");

    /** A limiter that admits everything: a limit set to "off". */
    RateLimiter NONE = subject -> {
    };

    /**
     * Counts this request of {@code subject} (a user id, a client address); throws a 429
     * rate-limited problem with Retry-After (the seconds until its window ends) when it is over.
     */
    void admit(String subject) throws RetryLaterException;
}
