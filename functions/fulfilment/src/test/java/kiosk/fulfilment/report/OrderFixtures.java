package kiosk.fulfilment.report;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Orders of any status and day written straight into an OrdersTable, in the item layout
 * DynamoDbOrderStore reads (its toItem, plus the payment attributes a charge and a refund add):
 * placing them through checkout and the payment job would take hundreds of transactions, and
 * could not date them. DailyReportHandlerIT checks that the store reads each one back as given.
 */
final class OrderFixtures {

    static final Address ADDRESS = new Address("Sam Sample", List.of("1 Sample Road"), "Leeds", "LS1 1AA", "GB");

    private final DynamoDbClient dynamoDb;
    private final String table;

    OrderFixtures(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static Order.Line line(String productId, String name, long unitPrice, int quantity, String currency) {
        return new Order.Line(productId, name, new Money(unitPrice, currency), quantity,
                new Money(unitPrice * quantity, currency));
    }

    /** An order with these lines, totals from them, charged if its status says so and refunded if {@code refundId}. */
    static Order order(String id, OrderStatus status, String createdAt, long discount, long shipping, String refundId,
            Order.Line... lines) {
        String currency = lines[0].unitPrice().currency();
        long subtotal = 0;
        for (Order.Line line : lines) {
            subtotal += line.lineTotal().amount();
        }
        boolean charged = refundId != null || ReportTally.CHARGED.contains(status) || status == OrderStatus.CANCELLING;
        Order.Payment payment = charged ? new Order.Payment("ch_" + id, refundId, refundId == null ? null : "cancelled")
                : null;
        return new Order(id, "shopper-" + id, status, List.of(lines), currency,
                new Order.Totals(subtotal, discount, shipping, subtotal - discount + shipping), null, ADDRESS,
                "pm_card_visa", 2, createdAt, createdAt, payment, null);
    }

    void put(Order... orders) {
        put(List.of(orders));
    }

    /** In batches of 25, asking again for what DynamoDB left unprocessed. */
    void put(List<Order> orders) {
        for (int start = 0; start < orders.size(); start += 25) {
            List<WriteRequest> batch = orders.subList(start, Math.min(orders.size(), start + 25)).stream()
                    .map(order -> WriteRequest.builder().putRequest(PutRequest.builder().item(item(order)).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> request = Map.of(table, batch);
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> asked = request;
                var response = dynamoDb.batchWriteItem(b -> b.requestItems(asked));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    private static Map<String, AttributeValue> item(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", s(order.id()));
        item.put("userId", s(order.userId()));
        item.put("status", s(order.status().name()));
        List<AttributeValue> lines = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            lines.add(AttributeValue.fromM(Map.of("productId", s(line.productId()), "name", s(line.name()),
                    "unitPrice", n(line.unitPrice().amount()), "quantity", n(line.quantity()),
                    "lineTotal", n(line.lineTotal().amount()))));
        }
        item.put("lines", AttributeValue.fromL(lines));
        item.put("currency", s(order.currency()));
        item.put("subtotal", n(order.totals().subtotal()));
        item.put("discount", n(order.totals().discount()));
        item.put("shipping", n(order.totals().shipping()));
        item.put("total", n(order.totals().total()));
        Address a = order.shippingAddress();
        item.put("shippingAddress", AttributeValue.fromM(Map.of("name", s(a.name()),
                "lines", AttributeValue.fromL(a.lines().stream().map(l -> s(l)).toList()), "city", s(a.city()),
                "postalCode", s(a.postalCode()), "country", s(a.country()))));
        item.put("paymentMethod", s(order.paymentMethod()));
        item.put("version", n(order.version()));
        item.put("createdAt", s(order.createdAt()));
        item.put("updatedAt", s(order.updatedAt()));
        if (order.payment() != null) {
            item.put("chargeId", s(order.payment().chargeId()));
            if (order.payment().refundId() != null) {
                item.put("refundId", s(order.payment().refundId()));
                item.put("refundReason", s(order.payment().refundReason()));
            }
        }
        return item;
    }
}
