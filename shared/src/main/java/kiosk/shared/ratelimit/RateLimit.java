package kiosk.shared.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code limit} requests by one subject in each fixed window of {@code window}, as
 * template.yaml writes it: {@code "10/60"} (10 in every 60 s), or {@code "off"} for none.
 */
public record RateLimit(int limit, Duration window) {

    private static final Pattern SPEC = Pattern.compile("([0-9]{1,6})/([0-9]{1,6})");

    public RateLimit {
        if (limit < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1 request in at least 1 second");
        }
    }

    /** The limit a setting names; empty for "off". Anything else fails init, naming the setting. */
    public static Optional<RateLimit> parse(String spec) {
        String value = spec == null ? "" : spec.strip();
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Matcher matcher = SPEC.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a rate limit is written REQUESTS/SECONDS, such as 10/60, or off: " + spec);
        }
        return Optional.of(new RateLimit(Integer.parseInt(matcher.group(1)), Duration.ofSeconds(Long.parseLong(matcher.group(2)))));
    }

    @Override
    public String toString() {
        return limit + "/" + window.toSeconds();
    }
}
