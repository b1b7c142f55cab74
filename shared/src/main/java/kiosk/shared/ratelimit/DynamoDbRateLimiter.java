package kiosk.shared.ratelimit;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;

import java.time.Clock;
import java.util.Map;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.RetryLaterException;
import kiosk.shared.log.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed windows counted in DynamoDB: one item per scope, subject and window
 * ({@code checkout#<user>#<window start>}), incremented by a conditional update that refuses the
 * increment past the limit. The condition makes it exact under any concurrency: of N requests
 * racing in one window, exactly {@code limit} pass. Items expire through the table's TTL once
 * their window is over.
 *
 * <p>A window's edges let a subject make up to twice the limit in a short span around one; the
 * limits are set with that in mind. If DynamoDB cannot be reached the request is admitted (and
 * logged): a limiter that fails shut would stop every sale for a fault that is not the shopper's.
 */
public final class DynamoDbRateLimiter implements RateLimiter {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String scope;
    private final RateLimit limit;
    private final Clock clock;

    public DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table, String scope, RateLimit limit, Clock clock) {
        if (!scope.matches("[a-z-]{1,32}")) {
            throw new IllegalArgumentException("a rate limit's scope is a lower-case word: " + scope);
        }
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.scope = scope;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public void admit(String subject) {
        long now = clock.millis();
        long windowMillis = limit.window().toMillis();
        long start = now - Math.floorMod(now, windowMillis);
        long end = start + windowMillis;
        Expression x = new Expression();
        String count = x.name("count");
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("id", s(scope + "#" + subject + "#" + start)))
                    .updateExpression("SET " + x.name("expiresAt") + " = " + x.value(n(end / 1000 + 60)) + " ADD " + count + " " + x.value(n(1)))
                    .conditionExpression("attribute_not_exists(" + count + ") OR " + count + " < " + x.value(n(limit.limit())))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
        } catch (ConditionalCheckFailedException over) {
            long retryAfter = Math.max(1, (end - now + 999) / 1000);
            throw new RetryLaterException(RATE_LIMITED, "Too many of these requests: at most " + limit.limit() + " every "
                    + limit.window().toSeconds() + " seconds. Try again in " + retryAfter + " seconds.", retryAfter);
        } catch (SdkException unavailable) {
            Log.warn("rate limit not checked: DynamoDB did not answer", "scope", scope, "errorType",
                    unavailable.getClass().getSimpleName());
        }
    }
}
