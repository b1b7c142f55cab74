package kiosk.fulfilment.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.RetryLaterException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The daily reports in the ReportsTable of template.yaml, one item per date ({@link ReportItem}). */
public final class DynamoDbReportStore implements ReportStore {

    static final ProblemType BUSY = new ProblemType("reports-busy", 503, "Reports busy");
    /** DynamoDB's limit of keys per BatchGetItem. */
    private static final int BATCH = 100;
    /** Rounds of asking again for keys DynamoDB left unprocessed, backing off from 25 ms: about 3 s in all. */
    private static final int ROUNDS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbReportStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void put(DailyReport report, Instant computedAt) {
        dynamoDb.putItem(b -> b.tableName(table).item(ReportItem.toItem(report, computedAt)));
    }

    @Override
    public Optional<DailyReport> get(LocalDate date) {
        // Consistent: an admin who has just rerun a day reads the report that run stored.
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(ReportItem.key(date))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReportItem.fromItem(item));
    }

    @Override
    public List<DailyReport> getRange(LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> keys = from.datesUntil(to.plusDays(1)).map(ReportItem::key).toList();
        List<DailyReport> found = new ArrayList<>();
        for (int start = 0; start < keys.size(); start += BATCH) {
            fetch(keys.subList(start, Math.min(keys.size(), start + BATCH)), found);
        }
        // BatchGetItem answers in no particular order.
        found.sort(Comparator.comparing(DailyReport::date));
        return found;
    }

    /** One batch, asking again for what DynamoDB left unprocessed under load, with backoff. */
    private void fetch(List<Map<String, AttributeValue>> keys, List<DailyReport> found) {
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).build());
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                pause(25L << (round - 1));
            }
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
            response.responses().getOrDefault(table, List.of()).forEach(item -> found.add(ReportItem.fromItem(item)));
            if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                return;
            }
            request = response.unprocessedKeys();
        }
        throw new RetryLaterException(BUSY, "The reports are busy: ask again in a moment.", 1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading reports", e);
        }
    }
}
