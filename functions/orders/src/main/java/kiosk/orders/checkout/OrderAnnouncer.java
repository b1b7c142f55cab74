package kiosk.orders.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Announces the changes of orders to the jobs that act on them, fed by the OrdersTable's stream
 * (template.yaml): an order is announced because its write reached the stream, not because the
 * function that wrote it lived long enough to send a message. No request waits on SQS.
 * <ul>
 *   <li>placed (inserted), or cancelled after payment (to CANCELLING): the payment job, on the
 *       OrdersQueue, which charges or refunds it;</li>
 *   <li>paid: fulfilment (FulfilmentQueue) and the shopper's notification (NotificationsQueue);</li>
 *   <li>any other change of status (payment failed, expired, cancelled...): the notification.</li>
 * </ul>
 *
 * <p>The stream keeps a record 24 hours, and Lambda hands a shard's records over in order and
 * retries from the first record a batch reports failed. So no change is lost: if SQS fails, the
 * announcement waits and goes out once SQS is back. It may go out twice (a batch sent, then sent
 * again after a later part of it failed), so every consumer treats a repeat as done.
 */
public final class OrderAnnouncer {

    /** The queues announcements go to. */
    public enum Destination { PAYMENTS, FULFILMENT, NOTIFICATIONS }

    /** One message: where it goes and what it says. */
    public record Outgoing(Destination to, Announcement announcement) {
    }

    /** Where the announcements go; the SQS implementation is the only one that talks to SQS. */
    public interface Queue {
        /**
         * Sends the messages in order; answers how many of them, from the first, are sure to be on
         * their queues (all of them, or fewer when SQS failed part way). Never throws for a failed
         * send: what did not go out is what the caller retries.
         */
        int send(List<Outgoing> messages);
    }

    /**
     * An order's write, as one stream record told it: the record's sequence number, the status
     * before (null for an insert) and the order after.
     */
    public record Change(String sequenceNumber, OrderStatus before, Announcement after) {
    }

    private final Queue queue;

    public OrderAnnouncer(Queue queue) {
        this.queue = queue;
    }

    /** Who must hear of a change: none when the status did not change. */
    public static List<Destination> destinations(OrderStatus before, OrderStatus after) {
        if (before == after) {
            return List.of();
        }
        if (before == null || after == OrderStatus.CANCELLING) {
            return List.of(Destination.PAYMENTS);
        }
        if (after == OrderStatus.PAID) {
            return List.of(Destination.FULFILMENT, Destination.NOTIFICATIONS);
        }
        return List.of(Destination.NOTIFICATIONS);
    }

    /**
     * Announces the changes of one batch, in stream order. Answers the sequence number of the first
     * change not wholly announced (Lambda resends the batch from there), or empty when all went out.
     */
    public Optional<String> announce(List<Change> changes) {
        List<Outgoing> messages = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (Change change : changes) {
            for (Destination to : destinations(change.before(), change.after().status())) {
                messages.add(new Outgoing(to, change.after()));
            }
            ends.add(messages.size());
        }
        int sent = messages.isEmpty() ? 0 : queue.send(messages);
        for (int i = 0; i < changes.size(); i++) {
            if (ends.get(i) > sent) {
                return Optional.of(changes.get(i).sequenceNumber());
            }
        }
        return Optional.empty();
    }
}
