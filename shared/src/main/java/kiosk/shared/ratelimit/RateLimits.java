package kiosk.shared.ratelimit;

import java.time.Clock;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A function's limiter as template.yaml configures it: RATE_LIMIT ("10/60" or "off") over RATE_LIMITS_TABLE. */
public final class RateLimits {

    private RateLimits() {
    }

    public static RateLimiter fromConfig(Config config, DynamoDbClient dynamoDb, String scope) {
        return RateLimit.parse(config.require("RATE_LIMIT"))
                .<RateLimiter>map(limit -> new DynamoDbRateLimiter(dynamoDb, config.require("RATE_LIMITS_TABLE"), scope, limit,
                        Clock.systemUTC()))
                .orElse(RateLimiter.NONE);
    }
}
