package kiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What SnapStart runs before its snapshot, with what it must not do: change any stored item or queue. */
public final class Primers {

    private Primers() {
    }

    /**
     * Builds each function as Lambda builds it (registering its primer), runs every primer, and
     * asserts that each reached AWS (SDK marshalling of what its request calls), that not one item
     * of any table changed and that no queue gained or lost a message.
     */
    public static void assertPrimingChangesNothing(LocalAws aws, Collection<FunctionConfiguration> functions) {
        for (FunctionConfiguration function : functions) {
            Handlers.construct(function);
        }
        Map<String, List<Map<String, AttributeValue>>> before = everyItem(aws);
        Map<String, Long> queuesBefore = everyQueue(aws);
        int failed = SnapStart.failedPrimers();
        SnapStart.runPrimers();
        assertEquals(failed, SnapStart.failedPrimers(), "a primer failed (its warning is in the log above)");
        assertEquals(Set.of(), SnapStart.primersWithoutAwsCalls(),
                "these primers made no call to AWS: refused before their store, they prime only the refusal");
        assertEquals(before, everyItem(aws));
        assertEquals(queuesBefore, everyQueue(aws));
    }

    /**
     * Each function, built as Lambda builds it, registers a primer: a function without one starts
     * from a snapshot with its first request's work still to do.
     */
    public static void assertEachRegistersAPrimer(Collection<FunctionConfiguration> functions) {
        for (FunctionConfiguration function : functions) {
            int before = SnapStart.registered();
            Handlers.construct(function);
            assertTrue(SnapStart.registered() > before, function.logicalId() + " registers no SnapStart primer");
        }
    }

    /**
     * Each function's Handler names its class alone, a RequestStreamHandler or a RequestHandler.
     * Lambda's runtime client calls such a class through its interface; given "Class::method" it
     * finds the method by reflection and calls it with Method.invoke, whose first call spins the
     * JDK's method-handle accessor (a dozen generated classes) inside the first request after a
     * snapshot restore, where no primer reaches: 4 ms of Health's 5.
     */
    public static void assertEachIsCalledThroughItsInterface(Collection<FunctionConfiguration> functions) {
        for (FunctionConfiguration function : functions) {
            assertFalse(function.handler().contains("::"), function.logicalId() + "'s Handler " + function.handler()
                    + " names a method: the runtime client would call it by reflection");
            Object handler = Handlers.construct(function);
            assertTrue(handler instanceof RequestStreamHandler || handler instanceof RequestHandler<?, ?>,
                    function.logicalId() + ": " + handler.getClass().getName() + " implements neither handler interface");
        }
    }

    /** Each queue's messages, visible, in flight or delayed: summed, since one moves between them with time. */
    private static Map<String, Long> everyQueue(LocalAws aws) {
        Map<String, Long> queues = new TreeMap<>();
        for (String url : aws.sqs().listQueues().queueUrls()) {
            queues.put(url, aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes().values().stream()
                    .mapToLong(Long::parseLong).sum());
        }
        return queues;
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
