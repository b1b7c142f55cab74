package kiosk.fulfilment.notification;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.dynamodb.PutOnce;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Notifications in the NotificationsTable of template.yaml: key userId and id; the one item layout is here. */
public final class DynamoDbNotificationStore implements NotificationStore {

    static final String USER_ID = "userId";
    static final String ID = "id";
    static final String TYPE = "type";
    static final String ORDER_ID = "orderId";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** A map of what applies: total and currency, carrier and trackingNumber once shipped. */
    static final String DATA = "data";
    static final String TOTAL = "total";
    static final String CURRENCY = "currency";
    static final String CARRIER = "carrier";
    static final String TRACKING_NUMBER = "trackingNumber";
    static final String CREATED_AT = "createdAt";
    static final String READ = "read";
    static final String EMAIL = "email";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbNotificationStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Added add(Notification notification) {
        // The sort key names the change: a notification already there is this one, written before.
        return PutOnce.put(dynamoDb, table, toItem(notification), key(notification.userId(), notification.id()), ID)
                .map(stored -> new Added(fromItem(stored), false)).orElseGet(() -> new Added(notification, true));
    }

    @Override
    public void setEmail(String userId, String id, Notification.EmailStatus status) {
        Expression x = new Expression();
        // Conditional, so that a notification that is not there is an error, not a stub item with only an email.
        dynamoDb.updateItem(b -> b.tableName(table).key(key(userId, id))
                .updateExpression("SET " + x.name(EMAIL) + " = " + x.value(s(status.name())))
                .conditionExpression("attribute_exists(" + x.name(ID) + ")")
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
    }

    @Override
    public Page list(String userId, int limit, Optional<String> afterId) {
        Expression x = new Expression();
        String keyCondition = x.name(USER_ID) + " = " + x.value(s(userId));
        // One more than asked: a full page says there is more only when there is.
        QueryResponse response = dynamoDb.query(b -> {
            b.tableName(table).keyConditionExpression(keyCondition).expressionAttributeNames(x.names())
                    .expressionAttributeValues(x.values()).scanIndexForward(false).limit(limit + 1);
            afterId.ifPresent(id -> b.exclusiveStartKey(key(userId, id)));
        });
        List<Notification> items = new ArrayList<>();
        response.items().forEach(item -> items.add(fromItem(item)));
        boolean more = items.size() > limit;
        List<Notification> page = more ? items.subList(0, limit) : items;
        return new Page(List.copyOf(page), more ? Optional.of(page.get(limit - 1).id()) : Optional.empty());
    }

    @Override
    public Optional<Notification> markRead(String userId, String id) {
        Expression x = new Expression();
        try {
            Map<String, AttributeValue> after = dynamoDb.updateItem(b -> b.tableName(table).key(key(userId, id))
                    .updateExpression("SET " + x.name(READ) + " = " + x.value(AttributeValue.fromBool(true)))
                    .conditionExpression("attribute_exists(" + x.name(ID) + ")")
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(fromItem(after));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String userId, String id) {
        return Map.of(USER_ID, s(userId), ID, s(id));
    }

    static Map<String, AttributeValue> toItem(Notification notification) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USER_ID, s(notification.userId()));
        item.put(ID, s(notification.id()));
        item.put(TYPE, s(notification.type().name()));
        putIfPresent(item, ORDER_ID, notification.orderId());
        item.put(TITLE, s(notification.title()));
        item.put(BODY, s(notification.body()));
        Map<String, AttributeValue> data = new HashMap<>();
        Notification.Data d = notification.data();
        if (d.total() != null) {
            data.put(TOTAL, n(d.total()));
        }
        putIfPresent(data, CURRENCY, d.currency());
        putIfPresent(data, CARRIER, d.carrier());
        putIfPresent(data, TRACKING_NUMBER, d.trackingNumber());
        item.put(DATA, AttributeValue.fromM(data));
        item.put(CREATED_AT, s(notification.createdAt()));
        item.put(READ, AttributeValue.fromBool(notification.read()));
        item.put(EMAIL, s(notification.email().name()));
        return item;
    }

    static Notification fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> data = item.get(DATA).m();
        return new Notification(string(item, USER_ID), string(item, ID), NotificationType.valueOf(string(item, TYPE)),
                optional(item, ORDER_ID), string(item, TITLE), string(item, BODY),
                new Notification.Data(data.containsKey(TOTAL) ? number(data, TOTAL) : null, optional(data, CURRENCY),
                        optional(data, CARRIER), optional(data, TRACKING_NUMBER)),
                string(item, CREATED_AT), Boolean.TRUE.equals(item.get(READ).bool()),
                Notification.EmailStatus.valueOf(string(item, EMAIL)));
    }

    private static void putIfPresent(Map<String, AttributeValue> map, String name, String value) {
        if (value != null) {
            map.put(name, s(value));
        }
    }

    private static String optional(Map<String, AttributeValue> map, String name) {
        return map.containsKey(name) ? string(map, name) : null;
    }
}
