package kiosk.orders.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import kiosk.shared.config.Config;

/** How long a message waits after each receive its partner could not answer: first, doubling, at most max. */
public record RetrySchedule(Duration first, Duration max) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(10));

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || max.toSeconds() > 43_200) {
            throw new IllegalArgumentException("a retry schedule runs from a positive first delay to a max of at most"
                    + " 12 hours (SQS's limit): " + first + ", " + max);
        }
    }

    /** The template's {@code <PREFIX>_RETRY_FIRST_DELAY_SECONDS} and {@code _MAX_DELAY_SECONDS}, else the default. */
    public static RetrySchedule fromConfig(Config config, String prefix) {
        return new RetrySchedule(seconds(config, prefix + "_RETRY_FIRST_DELAY_SECONDS").orElse(DEFAULT.first()),
                seconds(config, prefix + "_RETRY_MAX_DELAY_SECONDS").orElse(DEFAULT.max()));
    }

    private static Optional<Duration> seconds(Config config, String name) {
        return config.optional(name).filter(v -> !v.isBlank()).map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
    }

    /** first, 2 x first, 4 x first... at most max, plus up to half as much again at random (so retries spread out). */
    public Duration delay(int receiveCount) {
        long base = Math.min(max.toSeconds(), first.toSeconds() << Math.min(20, receiveCount - 1));
        return Duration.ofSeconds(Math.min(43_200, base + ThreadLocalRandom.current().nextLong(base / 2 + 1)));
    }
}
