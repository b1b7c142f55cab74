package kiosk.fulfilment.shipping;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.shared.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** ShippingEventsTable (eventId; removed by TTL after a week) written in one transaction with the order. */
public final class DynamoDbShipmentEvents implements ShipmentEvents {

    static final Duration KEPT = Duration.ofDays(7);

    private final DynamoDbClient dynamoDb;
    private final String eventsTable;
    private final String ordersTable;

    public DynamoDbShipmentEvents(DynamoDbClient dynamoDb, String eventsTable, String ordersTable) {
        this.dynamoDb = dynamoDb;
        this.eventsTable = eventsTable;
        this.ordersTable = ordersTable;
    }

    @Override
    public Recorded record(ShippingEvent event, Order order, OrderStatus to, Order.Shipment shipment, String now) {
        Expression x = new Expression();
        TransactWriteItem received = TransactWriteItem.builder().put(Put.builder().tableName(eventsTable)
                .item(Map.of("eventId", s(event.id()), "type", s(event.type()), "orderId", s(event.orderId()),
                        "occurredAt", s(event.occurredAt()), "receivedAt", s(now),
                        "expiresAt", n(Instant.parse(now).plus(KEPT).getEpochSecond())))
                .conditionExpression("attribute_not_exists(" + x.name("eventId") + ")")
                .expressionAttributeNames(x.names()).build()).build();
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(List.of(received,
                    DynamoDbOrderStore.shipmentStep(ordersTable, order, to, shipment, now))));
            return Recorded.APPLIED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Recorded.REPLAYED;
            }
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return Recorded.ORDER_CHANGED;
            }
            // Another transaction on the same items at the same moment: as good as a change, read again.
            return Recorded.ORDER_CHANGED;
        }
    }

    @Override
    public boolean seen(String eventId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(eventsTable)
                .key(Map.of("eventId", s(eventId))).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }
}
