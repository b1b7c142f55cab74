package kiosk.accounts.privacy;

import static kiosk.shared.dynamodb.Attributes.s;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiosk.shared.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The account's items in the CartsTable, OrdersTable, NotificationsTable and PromotionsTable. The
 * names below are those tables' owners' (kiosk.orders.cart.DynamoDbCartStore, .checkout.
 * DynamoDbOrderStore, .promotion.DynamoDbPromotionStore; kiosk.fulfilment.notification.
 * DynamoDbNotificationStore), repeated rather than depended on, as the notifications job repeats
 * the account's: these functions would otherwise package the orders and fulfilment modules.
 * PrivacyIT checks them against what those modules write.
 */
public final class DynamoDbPersonalData implements PersonalData {

    /** The tables' names; orders are found by their ByUser index. */
    public record Tables(String carts, String orders, String notifications, String promotions) {
    }

    static final String USER_ID = "userId";
    static final String ORDER_ID = "orderId";
    static final String STATUS = "status";
    static final String PROMO_CODE = "promoCode";
    static final String ADDRESS = "shippingAddress";
    static final String NOTIFICATION_ID = "id";
    static final String ORDERS_BY_USER = "ByUser";
    static final String PROMOTION_PK = "pk";
    static final String COUNT = "count";
    static final String ERASED = "(erased)";
    /** The statuses an order ends in: erasure waits for every order to reach one. */
    static final Set<String> ENDED = Set.of("DELIVERED", "CANCELLED", "EXPIRED", "PAYMENT_FAILED", "RETURNED");

    private final DynamoDbClient dynamoDb;
    private final Tables tables;

    public DynamoDbPersonalData(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    public void export(String userId, JsonGenerator json) throws IOException {
        Map<String, AttributeValue> cart = dynamoDb.getItem(b -> b.tableName(tables.carts())
                .key(Map.of(USER_ID, s(userId))).consistentRead(true)).item();
        json.writeFieldName("cart");
        if (cart == null || cart.isEmpty()) {
            json.writeNull();
        } else {
            ItemJson.write(cart, json);
        }
        Set<String> codes = new LinkedHashSet<>();
        json.writeArrayFieldStart("orders");
        for (Map<String, AttributeValue> order : orders(userId)) {
            ItemJson.write(order, json);
            AttributeValue code = order.get(PROMO_CODE);
            if (code != null && code.s() != null) {
                codes.add(code.s());
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("notifications");
        for (Map<String, AttributeValue> notification : notifications(userId)) {
            ItemJson.write(notification, json);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("promotionRedemptions");
        for (String code : codes) {
            Map<String, AttributeValue> counter = dynamoDb.getItem(b -> b.tableName(tables.promotions())
                    .key(redeemedKey(code, userId)).consistentRead(true)).item();
            if (counter != null && counter.containsKey(COUNT)) {
                json.writeStartObject();
                json.writeStringField("code", code);
                json.writeNumberField("redemptions", Long.parseLong(counter.get(COUNT).n()));
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    @Override
    public List<OpenOrder> ordersInProgress(String userId) {
        List<OpenOrder> open = new ArrayList<>();
        for (Map<String, AttributeValue> order : orders(userId)) {
            String status = order.get(STATUS).s();
            if (!ENDED.contains(status)) {
                open.add(new OpenOrder(order.get(ORDER_ID).s(), status));
            }
        }
        return open;
    }

    @Override
    public void erase(String userId, String tombstoneId) {
        dynamoDb.deleteItem(b -> b.tableName(tables.carts()).key(Map.of(USER_ID, s(userId))));
        for (Map<String, AttributeValue> notification : notifications(userId)) {
            dynamoDb.deleteItem(b -> b.tableName(tables.notifications()).key(Map.of(USER_ID, s(userId),
                    NOTIFICATION_ID, notification.get(NOTIFICATION_ID))));
        }
        for (Map<String, AttributeValue> order : orders(userId)) {
            AttributeValue code = order.get(PROMO_CODE);
            if (code != null && code.s() != null) {
                dynamoDb.deleteItem(b -> b.tableName(tables.promotions()).key(redeemedKey(code.s(), userId)));
            }
            anonymise(order, userId, tombstoneId);
        }
    }

    /** The order under the tombstone id, its address reduced to the country; only while it is still the account's. */
    private void anonymise(Map<String, AttributeValue> order, String userId, String tombstoneId) {
        AttributeValue address = order.get(ADDRESS);
        AttributeValue country = address == null || !address.hasM() ? null : address.m().get("country");
        Expression x = new Expression();
        String update = "SET " + x.name(USER_ID) + " = " + x.value(s(tombstoneId)) + ", " + x.name(ADDRESS) + " = "
                + x.value(AttributeValue.fromM(Map.of("name", s(ERASED), "lines", AttributeValue.fromL(List.of(s(ERASED))),
                        "city", s(ERASED), "postalCode", s("erased"), "country", country == null ? s("ZZ") : country)));
        String condition = x.name(USER_ID) + " = " + x.value(s(userId));
        try {
            dynamoDb.updateItem(b -> b.tableName(tables.orders()).key(Map.of(ORDER_ID, order.get(ORDER_ID)))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
        } catch (ConditionalCheckFailedException e) {
            // Anonymised already, by an earlier run of this erasure.
        }
    }

    private List<Map<String, AttributeValue>> orders(String userId) {
        return byUser(tables.orders(), ORDERS_BY_USER, userId);
    }

    private List<Map<String, AttributeValue>> notifications(String userId) {
        return byUser(tables.notifications(), null, userId);
    }

    /** Every item of the account, by the table's key or (eventually consistent) by an index keyed by userId. */
    private List<Map<String, AttributeValue>> byUser(String table, String index, String userId) {
        Expression x = new Expression();
        String condition = x.name(USER_ID) + " = " + x.value(s(userId));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.queryPaginator(b -> {
            b.tableName(table).keyConditionExpression(condition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values());
            if (index == null) {
                b.consistentRead(true);
            } else {
                b.indexName(index);
            }
        }).items().forEach(items::add);
        return items;
    }

    private static Map<String, AttributeValue> redeemedKey(String code, String userId) {
        return Map.of(PROMOTION_PK, s("redeemed#" + code + "#" + userId));
    }
}
