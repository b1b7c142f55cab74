package kiosk.orders.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kiosk.shared.log.Log;

/**
 * Announces placed orders on the OrdersQueue for the jobs that follow (payment first). An order
 * is written with an "unannounced" marker in the checkout's own transaction; the marker is cleared
 * only after the message is sent. So if the process dies between the commit and the send, or the
 * send fails, the marker stays, and {@link #sweep} (a scheduled function) announces the order a
 * minute later. The order is never lost; it may be announced twice (sent, then the marker not
 * cleared), so every consumer treats a repeated order id as done.
 */
public final class OrderAnnouncer {

    /** How long a marker may stand before the sweeper takes the order for one whose announcement failed. */
    public static final Duration GRACE = Duration.ofMinutes(1);

    /** Where the announcements go; the SQS implementation is the only one that talks to SQS. */
    public interface Queue {
        void send(Order order);
    }

    private final Queue queue;
    private final OrderStore orders;

    public OrderAnnouncer(Queue queue, OrderStore orders) {
        this.queue = queue;
        this.orders = orders;
    }

    /** Right after the commit. A failure is logged, never thrown: the order is placed, the sweeper will announce it. */
    public void announce(Order order) {
        try {
            queue.send(order);
            orders.markAnnounced(order.id());
        } catch (RuntimeException e) {
            Log.warn("order not announced yet: the sweeper will", "orderId", order.id(), "errorType", e.getClass().getName());
        }
    }

    /** Announces every order whose marker is older than {@link #GRACE}; returns how many were sent. */
    public int sweep(Instant now) {
        List<Order> stale = orders.unannouncedBefore(now.minus(GRACE));
        int sent = 0;
        for (Order order : stale) {
            queue.send(order);
            orders.markAnnounced(order.id());
            sent++;
        }
        return sent;
    }
}
