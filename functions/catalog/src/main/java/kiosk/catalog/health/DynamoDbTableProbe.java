package kiosk.catalog.health;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DescribeTable: the table exists, this role may reach it, and it is ACTIVE (or UPDATING, which
 * still serves reads and writes). Each call gives up after two seconds: a health check that
 * hangs is worse than one that says "unavailable".
 */
public final class DynamoDbTableProbe implements TableProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbClient dynamoDb;

    public DynamoDbTableProbe(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public boolean answers(String tableName) {
        try {
            TableStatus status = dynamoDb.describeTable(b -> b.tableName(tableName)
                    .overrideConfiguration(c -> c.apiCallTimeout(TIMEOUT))).table().tableStatus();
            return status == TableStatus.ACTIVE || status == TableStatus.UPDATING;
        } catch (SdkException unavailable) {
            return false;
        }
    }
}
