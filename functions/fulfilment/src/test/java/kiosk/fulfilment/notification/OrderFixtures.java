package kiosk.fulfilment.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Orders as the tests need them: as records for the fakes, and as OrdersTable items (the layout
 * DynamoDbOrderStore reads) for the handlers that read the table, in whatever status a test needs.
 */
final class OrderFixtures {

    static final String PLACED = "2026-11-21T10:00:00.000Z";
    static final String DHL = "DHL";
    static final String TRACKING = "00340434161234567890";

    private OrderFixtures() {
    }

    static Order order(String id, String userId, OrderStatus status, String updatedAt, Order.Payment payment,
            Order.Shipment shipment) {
        Money unit = new Money(1500L, "EUR");
        return new Order(id, userId, status, List.of(new Order.Line("p-1", "Lamp", unit, 1, unit)), "EUR",
                new Order.Totals(1500, 0, 495, 1995), null, new Address("Sam", List.of("1 Sample Road"), "Leeds",
                        "LS1 1AA", "GB"), "pm_card_visa", 3, PLACED, updatedAt, payment, shipment);
    }

    static Order paid(String id, String userId, OrderStatus status, String updatedAt) {
        return order(id, userId, status, updatedAt, new Order.Payment("ch_1", null, null), null);
    }

    static Order shipped(String id, String userId, String updatedAt) {
        return order(id, userId, OrderStatus.SHIPPED, updatedAt, new Order.Payment("ch_1", null, null),
                new Order.Shipment("shp_1", null, DHL, TRACKING, updatedAt, null, null));
    }

    static Order refunded(String id, String userId, String updatedAt) {
        return order(id, userId, OrderStatus.CANCELLED, updatedAt, new Order.Payment("ch_1", "re_1", "cancelled"), null);
    }

    /** The order as an OrdersTable item, written as it is. */
    static void put(DynamoDbClient dynamoDb, String table, Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(order.id()));
        item.put("userId", s(order.userId()));
        item.put("status", s(order.status().name()));
        item.put("lines", AttributeValue.fromL(order.lines().stream().map(line -> AttributeValue.fromM(Map.of(
                "productId", s(line.productId()), "name", s(line.name()), "unitPrice", n(line.unitPrice().amount()),
                "quantity", n(line.quantity()), "lineTotal", n(line.lineTotal().amount())))).toList()));
        item.put("currency", s(order.currency()));
        item.put("subtotal", n(order.totals().subtotal()));
        item.put("discount", n(order.totals().discount()));
        item.put("shipping", n(order.totals().shipping()));
        item.put("total", n(order.totals().total()));
        Address a = order.shippingAddress();
        item.put("shippingAddress", AttributeValue.fromM(Map.of("name", s(a.name()), "lines",
                AttributeValue.fromL(a.lines().stream().map(OrderFixtures::s).toList()), "city", s(a.city()),
                "postalCode", s(a.postalCode()), "country", s(a.country()))));
        item.put("paymentMethod", s(order.paymentMethod()));
        item.put("version", n(order.version()));
        item.put("createdAt", s(order.createdAt()));
        item.put("updatedAt", s(order.updatedAt()));
        if (order.payment() != null) {
            putIfPresent(item, "chargeId", order.payment().chargeId());
            putIfPresent(item, "refundId", order.payment().refundId());
            putIfPresent(item, "refundReason", order.payment().refundReason());
        }
        if (order.shipment() != null) {
            putIfPresent(item, "shipmentId", order.shipment().shipmentId());
            putIfPresent(item, "carrier", order.shipment().carrier());
            putIfPresent(item, "trackingNumber", order.shipment().trackingNumber());
            putIfPresent(item, "shippedAt", order.shipment().shippedAt());
        }
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    /** The announcement the OrdersTable's stream makes of the order's last change, as the queue carries it. */
    static String announcement(Order order) {
        return "{\"orderId\":\"" + order.id() + "\",\"userId\":\"" + order.userId() + "\",\"status\":\""
                + order.status().name() + "\",\"total\":" + order.totals().total() + ",\"currency\":\""
                + order.currency() + "\",\"createdAt\":\"" + order.createdAt() + "\",\"updatedAt\":\""
                + order.updatedAt() + "\",\"checkoutRequestId\":null}";
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
