package kiosk.fulfilment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The report store contract against copies of the ReportsTable of template.yaml in DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbReportStoreIT extends ReportStoreContract {

    private final LocalAws aws;

    DynamoDbReportStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    ReportStore emptyStore() {
        return new DynamoDbReportStore(aws.dynamoDb(), aws.freshTable("ReportsTable"));
    }

    @Test
    void theItemKeepsWhenItWasComputedAndTheReportDoesNot() {
        // GIVEN
        String table = aws.freshTable("ReportsTable");
        DynamoDbReportStore store = new DynamoDbReportStore(aws.dynamoDb(), table);
        DailyReport report = ReportStoreContract.report("2026-11-20", 3);
        // WHEN
        store.put(report, Instant.parse("2026-11-21T00:15:02Z"));
        // THEN
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(table)
                .key(Map.of("date", AttributeValue.fromS("2026-11-20")))).item();
        assertEquals("2026-11-21T00:15:02Z", item.get("computedAt").s());
        assertEquals("3", item.get("ordersByStatus").m().get("PAID").n(), "native maps, readable in the console");
        assertEquals(report, store.get(LocalDate.parse("2026-11-20")).orElseThrow());
    }
}
