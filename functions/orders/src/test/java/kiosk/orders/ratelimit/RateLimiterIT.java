package kiosk.orders.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kiosk.emulator.LocalAws;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.ratelimit.DynamoDbRateLimiter;
import kiosk.shared.ratelimit.RateLimit;
import kiosk.shared.ratelimit.RateLimiter;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.MutableClock;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The fixed-window limiter against DynamoDB Local and the template's RateLimitsTable. */
@ExtendWith(LocalAwsExtension.class)
class RateLimiterIT {

    /** A window of 60 s starting at 10:00:00 UTC. */
    private static final Instant WINDOW_START = Instant.parse("2026-11-21T10:00:00Z");

    private final LocalAws aws;
    private final MutableClock clock = new MutableClock(WINDOW_START.plusSeconds(15));

    RateLimiterIT(LocalAws aws) {
        this.aws = aws;
    }

    private RateLimiter limiter(String scope, int limit) {
        return new DynamoDbRateLimiter(aws.dynamoDb(), aws.tableName("RateLimitsTable"), scope,
                new RateLimit(limit, Duration.ofSeconds(60)), clock);
    }

    @Test
    void admitsTheLimitThenRefusesWithRetryAfterUntilTheWindowEnds() {
        RateLimiter limiter = limiter("checkout", 3);
        for (int i = 0; i < 3; i++) {
            limiter.admit("ann");
        }
        RetryLaterException refused = assertThrows(RetryLaterException.class, () -> limiter.admit("ann"));
        assertEquals("rate-limited", refused.type().slug());
        assertEquals(429, refused.type().status());
        assertEquals(45, refused.retryAfterSeconds(), "15 s into a 60 s window");
        limiter.admit("bob");
        limiter("cart", 3).admit("ann");
    }

    @Test
    void theWindowsEdge() {
        RateLimiter limiter = limiter("checkout", 2);
        String subject = "edge-" + System.nanoTime();
        // the last millisecond of the window: its two are taken, a third waits 1 s (never 0)
        clock.set(WINDOW_START.plusMillis(59_999));
        limiter.admit(subject);
        limiter.admit(subject);
        RetryLaterException refused = assertThrows(RetryLaterException.class, () -> limiter.admit(subject));
        assertEquals(1, refused.retryAfterSeconds());
        // the first millisecond of the next: a fresh count, its own limit
        clock.set(WINDOW_START.plusSeconds(60));
        limiter.admit(subject);
        limiter.admit(subject);
        RetryLaterException next = assertThrows(RetryLaterException.class, () -> limiter.admit(subject));
        assertEquals(60, next.retryAfterSeconds());
    }

    @Test
    void ofFortyRacingRequestsExactlyTheLimitPass() throws Exception {
        RateLimiter limiter = limiter("checkout", 7);
        String subject = "racer-" + System.nanoTime();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(() -> {
                try {
                    limiter.admit(subject);
                    return true;
                } catch (RetryLaterException refused) {
                    return false;
                }
            });
        }
        List<Boolean> admitted = Race.atOnce(tasks);
        assertEquals(7, admitted.stream().filter(a -> a).count());
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("RateLimitsTable"))
                .key(Map.of("id", AttributeValue.fromS("checkout#" + subject + "#" + WINDOW_START.toEpochMilli())))
                .consistentRead(true)).item();
        assertEquals("7", item.get("count").n(), "a refused request adds nothing");
        assertEquals(String.valueOf(WINDOW_START.plusSeconds(60 + 60).getEpochSecond()), item.get("expiresAt").n(),
                "the counter expires a minute after its window");
    }

    @Test
    void theTemplatesSettingsParse() {
        var parameters = aws.template().section("Parameters");
        for (String name : List.of("CheckoutRateLimit", "CartRateLimit", "SignupRateLimit")) {
            Object spec = ((Map<?, ?>) parameters.get(name)).get("Default");
            assertTrue(RateLimit.parse(String.valueOf(spec)).isPresent(), name + " is on by default");
        }
        assertTrue(RateLimit.parse("off").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("10 per minute"));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("0/60"));
    }
}
