package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The OrdersTable's stream (template.yaml, NEW_AND_OLD_IMAGES): announces each change of an
 * order's status to the jobs that act on it ({@link OrderAnnouncer}). Takes the stream's event as a
 * plain map, read here for the few attributes an announcement carries: the events library's
 * DynamodbEvent would bring its model classes and Joda-Time for nothing.
 *
 * <p>Answers a partial batch response: the first record not announced, from which Lambda hands the
 * batch over again (the others before it are done). Deletes are passed over.
 */
public final class AnnounceOrdersHandler extends EventFunction {

    private final OrderAnnouncer announcer;

    public AnnounceOrdersHandler() {
        this(CheckoutWiring.announcer());
        SnapStart.prime("AnnounceOrders", () -> prime(PRIMING_EVENT));
    }

    /**
     * The primer's stream record: an order that cannot exist moving from PENDING_PAYMENT to PAID,
     * announced to the fulfilment and notification queues through SendMessageBatch, which is
     * answered from memory while priming: nothing reaches a queue.
     */
    static final Map<String, Object> PRIMING_EVENT = Map.of("Records", List.of(Map.of("eventName", "MODIFY",
            "dynamodb", Map.of("SequenceNumber", "priming",
                    "NewImage", image(OrderStatus.PAID), "OldImage", image(OrderStatus.PENDING_PAYMENT)))));

    private static Map<String, Object> image(OrderStatus status) {
        return Map.of(DynamoDbOrderStore.ORDER_ID, Map.of("S", AnnouncementBatch.PRIMING_ORDER_ID),
                DynamoDbOrderStore.USER_ID, Map.of("S", "priming"), DynamoDbOrderStore.STATUS, Map.of("S", status.name()),
                DynamoDbOrderStore.TOTAL, Map.of("N", "0"), DynamoDbOrderStore.CURRENCY, Map.of("S", "EUR"),
                DynamoDbOrderStore.CREATED_AT, Map.of("S", "2000-01-01T00:00:00Z"));
    }

    public AnnounceOrdersHandler(OrderAnnouncer announcer) {
        this.announcer = announcer;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Log.Scope ignored = Log.invocation(context, null)) {
            return invoke(event, context);
        }
    }

    private Map<String, Object> invoke(Map<String, Object> event, Context context) {
        List<OrderAnnouncer.Change> changes = new ArrayList<>();
        for (Object entry : list(event.get("Records"))) {
            Map<?, ?> record = map(entry);
            Object name = record.get("eventName");
            if (!"INSERT".equals(name) && !"MODIFY".equals(name)) {
                continue;
            }
            Map<?, ?> change = map(record.get("dynamodb"));
            Optional<Announcement> after = announcement(map(change.get("NewImage")));
            Optional<Announcement> before = "MODIFY".equals(name) ? announcement(map(change.get("OldImage")))
                    : Optional.empty();
            if (after.isEmpty() || "MODIFY".equals(name) && before.isEmpty()) {
                // Not an order this code can read: retrying would block every order behind it.
                Log.warn("stream record passed over: not an order", "sequenceNumber", change.get("SequenceNumber"));
                continue;
            }
            changes.add(new OrderAnnouncer.Change(String.valueOf(change.get("SequenceNumber")),
                    before.map(Announcement::status).orElse(null), after.get()));
        }
        Optional<String> firstNotSent = announcer.announce(changes);
        return Map.of("batchItemFailures", firstNotSent.map(sequence -> List.of(Map.of("itemIdentifier", sequence)))
                .orElse(List.of()));
    }

    /** The announcement of an order's item as the stream shows it (attribute values in DynamoDB's JSON). */
    static Optional<Announcement> announcement(Map<?, ?> image) {
        String orderId = attribute(image, DynamoDbOrderStore.ORDER_ID, "S");
        String userId = attribute(image, DynamoDbOrderStore.USER_ID, "S");
        String status = attribute(image, DynamoDbOrderStore.STATUS, "S");
        String total = attribute(image, DynamoDbOrderStore.TOTAL, "N");
        String currency = attribute(image, DynamoDbOrderStore.CURRENCY, "S");
        String createdAt = attribute(image, DynamoDbOrderStore.CREATED_AT, "S");
        if (orderId == null || userId == null || status == null || total == null || currency == null
                || createdAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Announcement(orderId, userId, OrderStatus.valueOf(status), Long.parseLong(total),
                    currency, createdAt, Objects.requireNonNullElse(attribute(image, DynamoDbOrderStore.UPDATED_AT, "S"),
                    createdAt), attribute(image, DynamoDbOrderStore.CHECKOUT_REQUEST_ID, "S")));
        } catch (IllegalArgumentException e) {
            // A total that is no number, a status this code does not know.
            return Optional.empty();
        }
    }

    private static String attribute(Map<?, ?> image, String name, String type) {
        Object value = map(image.get(name)).get(type);
        return value instanceof String text ? text : null;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
