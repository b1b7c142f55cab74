package kiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What SnapStart runs before its snapshot, with what it must not do: change any stored item. */
public final class Primers {

    private Primers() {
    }

    /**
     * Builds each function as Lambda builds it (registering its primer), runs every primer, and
     * asserts that not one item of any table changed.
     */
    public static void assertPrimingChangesNothing(LocalAws aws, Collection<FunctionConfiguration> functions) {
        for (FunctionConfiguration function : functions) {
            Handlers.construct(function);
        }
        Map<String, List<Map<String, AttributeValue>>> before = everyItem(aws);
        SnapStart.runPrimers();
        assertEquals(before, everyItem(aws));
    }

    private static Map<String, List<Map<String, AttributeValue>>> everyItem(LocalAws aws) {
        Map<String, List<Map<String, AttributeValue>>> items = new TreeMap<>();
        for (String table : aws.dynamoDb().listTables().tableNames()) {
            items.put(table, aws.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                    .sorted(Comparator.comparing(Object::toString)).toList());
        }
        return items;
    }
}
