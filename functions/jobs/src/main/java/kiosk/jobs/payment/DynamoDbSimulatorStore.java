package kiosk.jobs.payment;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.dynamodb.PutOnce;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The PaymentSimulatorTable: ledger entries under "entry#KEY", attempt counters under
 * "attempt#KEY", and the switches under "switches".
 */
public final class DynamoDbSimulatorStore implements SimulatorStore {

    private static final String KEY = "key";
    private static final String SWITCHES = "switches";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSimulatorStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Entry recordOnce(Entry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s("entry#" + entry.key()));
        item.put("id", s(entry.id()));
        item.put("orderId", s(entry.orderId()));
        item.put("amount", n(entry.amount()));
        item.put("currency", s(entry.currency()));
        item.put("paymentMethod", s(entry.paymentMethod()));
        item.put("outcome", s(entry.outcome()));
        if (entry.declineCode() != null) {
            item.put("declineCode", s(entry.declineCode()));
        }
        if (entry.chargeId() != null) {
            item.put("chargeId", s(entry.chargeId()));
        }
        item.put("createdAt", s(entry.createdAt()));
        return PutOnce.put(dynamoDb, table, item, Map.of(KEY, item.get(KEY)), KEY).map(DynamoDbSimulatorStore::entry)
                .orElse(entry);
    }

    @Override
    public Optional<Entry> find(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(KEY, s("entry#" + key)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    @Override
    public long attempt(String key) {
        Expression x = new Expression();
        String update = "ADD " + x.name("attempts") + " " + x.value(n(1));
        Map<String, AttributeValue> after = dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of(KEY, s("attempt#" + key))).updateExpression(update)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValues("UPDATED_NEW")).attributes();
        return Long.parseLong(after.get("attempts").n());
    }

    @Override
    public Switches switches() {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(KEY, s(SWITCHES)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Switches.NORMAL;
        }
        return new Switches(item.containsKey("outage") && Boolean.TRUE.equals(item.get("outage").bool()),
                item.containsKey("latencyMillis") ? Long.parseLong(item.get("latencyMillis").n()) : 0);
    }

    @Override
    public void setSwitches(Switches switches) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(KEY, s(SWITCHES), "outage",
                AttributeValue.fromBool(switches.outage()), "latencyMillis", n(switches.latencyMillis()))));
    }

    @Override
    public List<Entry> ledger() {
        List<Entry> entries = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
            if (item.get(KEY).s().startsWith("entry#")) {
                entries.add(entry(item));
            }
        });
        return entries;
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        return new Entry(item.get(KEY).s().substring("entry#".length()), item.get("id").s(), item.get("orderId").s(),
                Long.parseLong(item.get("amount").n()), item.get("currency").s(), item.get("paymentMethod").s(),
                item.get("outcome").s(), item.containsKey("declineCode") ? item.get("declineCode").s() : null,
                item.containsKey("chargeId") ? item.get("chargeId").s() : null, item.get("createdAt").s());
    }
}
