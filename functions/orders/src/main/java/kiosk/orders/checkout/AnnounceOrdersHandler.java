package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.log.Log;

/**
 * The OrdersTable's stream (template.yaml): announces each order inserted on the OrdersQueue. Takes
 * the stream's event as a plain map, read here for the few attributes an announcement carries: the
 * events library's DynamodbEvent would bring its model classes and Joda-Time for nothing.
 *
 * <p>Answers a partial batch response: the first record not announced, from which Lambda hands the
 * batch over again (the others before it are done). Updates and deletes of orders (status changes,
 * expiry) are not announcements and are passed over.
 */
public final class AnnounceOrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final OrderAnnouncer announcer;

    public AnnounceOrdersHandler() {
        this(CheckoutWiring.announcer());
    }

    public AnnounceOrdersHandler(OrderAnnouncer announcer) {
        this.announcer = announcer;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<OrderAnnouncer.Placed> placed = new ArrayList<>();
        for (Object entry : list(event.get("Records"))) {
            Map<?, ?> record = map(entry);
            if (!"INSERT".equals(record.get("eventName"))) {
                continue;
            }
            Map<?, ?> change = map(record.get("dynamodb"));
            Optional<Announcement> announcement = announcement(map(change.get("NewImage")));
            if (announcement.isEmpty()) {
                // Not an order this code can read: retrying would block every order behind it.
                Log.warn("stream record passed over: not an order", "sequenceNumber", change.get("SequenceNumber"));
                continue;
            }
            placed.add(new OrderAnnouncer.Placed(String.valueOf(change.get("SequenceNumber")), announcement.get()));
        }
        Optional<String> firstNotSent = announcer.announce(placed);
        return Map.of("batchItemFailures", firstNotSent.map(sequence -> List.of(Map.of("itemIdentifier", sequence)))
                .orElse(List.of()));
    }

    /** The announcement of an order's item as the stream shows it (attribute values in DynamoDB's JSON). */
    static Optional<Announcement> announcement(Map<?, ?> image) {
        String orderId = attribute(image, DynamoDbOrderStore.ORDER_ID, "S");
        String userId = attribute(image, DynamoDbOrderStore.USER_ID, "S");
        String total = attribute(image, DynamoDbOrderStore.TOTAL, "N");
        String currency = attribute(image, DynamoDbOrderStore.CURRENCY, "S");
        String createdAt = attribute(image, DynamoDbOrderStore.CREATED_AT, "S");
        if (orderId == null || userId == null || total == null || currency == null || createdAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Announcement(orderId, userId, Long.parseLong(total), currency, createdAt));
        } catch (NumberFormatException e) {
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
