package kiosk.fulfilment.shipping;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.dynamodb.PutOnce;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ShippingSimulatorTable: shipments under "shipment#ORDER", the switches under "switches". */
public final class DynamoDbSimulatorStore implements SimulatorStore {

    private static final String KEY = "key";
    private static final String SWITCHES = "switches";
    private static final String SHIPMENT = "shipment#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSimulatorStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Switches switches() {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(KEY, s(SWITCHES)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Switches.NORMAL;
        }
        return new Switches(item.get("outage").bool(), Long.parseLong(item.get("latencyMillis").n()),
                Integer.parseInt(item.get("shipAfterSeconds").n()), Integer.parseInt(item.get("deliverAfterSeconds").n()));
    }

    @Override
    public void setSwitches(Switches switches) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of(KEY, s(SWITCHES),
                "outage", AttributeValue.fromBool(switches.outage()), "latencyMillis", n(switches.latencyMillis()),
                "shipAfterSeconds", n(switches.shipAfterSeconds()), "deliverAfterSeconds", n(switches.deliverAfterSeconds()))));
    }

    @Override
    public Shipment bookOnce(Shipment shipment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, s(SHIPMENT + shipment.orderId()));
        item.put("orderId", s(shipment.orderId()));
        item.put("shipmentId", s(shipment.shipmentId()));
        item.put("carrier", s(shipment.carrier()));
        item.put("trackingNumber", s(shipment.trackingNumber()));
        item.put("callbacksQueued", AttributeValue.fromBool(false));
        item.put("cancelled", AttributeValue.fromBool(false));
        return PutOnce.put(dynamoDb, table, item, Map.of(KEY, item.get(KEY)), KEY).map(DynamoDbSimulatorStore::shipment)
                .orElse(shipment);
    }

    @Override
    public Optional<Shipment> find(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of(KEY, s(SHIPMENT + orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(shipment(item));
    }

    @Override
    public void markCallbacksQueued(String orderId) {
        flag(orderId, "callbacksQueued");
    }

    @Override
    public void markCancelled(String orderId) {
        flag(orderId, "cancelled");
    }

    private void flag(String orderId, String name) {
        Expression x = new Expression();
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of(KEY, s(SHIPMENT + orderId)))
                .updateExpression("SET " + x.name(name) + " = " + x.value(AttributeValue.fromBool(true)))
                .conditionExpression("attribute_exists(" + x.name(KEY) + ")")
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
    }

    @Override
    public long[] counts() {
        long booked = 0;
        long cancelled = 0;
        Expression x = new Expression();
        String filter = "begins_with(" + x.name(KEY) + ", " + x.value(s(SHIPMENT)) + ")";
        for (var page : dynamoDb.scanPaginator(b -> b.tableName(table).filterExpression(filter)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()))) {
            for (Map<String, AttributeValue> item : page.items()) {
                booked++;
                cancelled += Boolean.TRUE.equals(item.get("cancelled").bool()) ? 1 : 0;
            }
        }
        return new long[] {booked, cancelled};
    }

    private static Shipment shipment(Map<String, AttributeValue> item) {
        return new Shipment(item.get("orderId").s(), item.get("shipmentId").s(), item.get("carrier").s(),
                item.get("trackingNumber").s(), Boolean.TRUE.equals(item.get("callbacksQueued").bool()),
                Boolean.TRUE.equals(item.get("cancelled").bool()));
    }
}
