package kiosk.orders.checkout;

import java.util.List;
import java.util.Optional;

/**
 * Announces placed orders on the OrdersQueue, fed by the OrdersTable's stream (template.yaml): an
 * order is announced because its insert reached the stream, not because the checkout that placed
 * it lived long enough to send a message. The checkout's own request never waits on SQS.
 *
 * <p>The stream keeps a record 24 hours, and Lambda hands a shard's records over in order and
 * retries from the first record a batch reports failed. So an order is never lost: if SQS fails,
 * the announcement waits and goes out once SQS is back. It may go out twice (a batch sent, then
 * sent again after a later part of it failed), so every consumer treats a repeated order id as done.
 */
public final class OrderAnnouncer {

    /** Where the announcements go; the SQS implementation is the only one that talks to SQS. */
    public interface Queue {
        /**
         * Sends the announcements in order; answers how many of them, from the first, are sure to
         * be on the queue (all of them, or fewer when SQS failed part way). Never throws for a
         * failed send: what did not go out is what the caller retries.
         */
        int send(List<Announcement> announcements);
    }

    /** An order placed, as one stream record told it: the record's sequence number and what to announce. */
    public record Placed(String sequenceNumber, Announcement announcement) {
    }

    private final Queue queue;

    public OrderAnnouncer(Queue queue) {
        this.queue = queue;
    }

    /**
     * Announces the orders of one batch, in stream order. Answers the sequence number of the first
     * order not announced (Lambda resends the batch from there), or empty when all went out.
     */
    public Optional<String> announce(List<Placed> placed) {
        int sent = queue.send(placed.stream().map(Placed::announcement).toList());
        return sent >= placed.size() ? Optional.empty() : Optional.of(placed.get(sent).sequenceNumber());
    }
}
