package kiosk.orders.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Orders and the Idempotency-Keys that placed them. */
public interface OrderStore {

    Optional<Order> find(String orderId);

    Optional<IdempotencyRecord> findKey(String userId, String idempotencyKey);

    /**
     * In one transaction: takes each line's units from its active product under
     * {@code stock >= quantity}, puts the order (its id new), empties the cart
     * under the version priced, records the Idempotency-Key (new for this shopper), and counts the
     * promotion's redemption. All or nothing: a refusal is a {@link PlacementRefused} naming why,
     * and nothing has changed.
     */
    void place(Placement placement);

    /** A shopper's orders, newest first, after a position from an earlier page. */
    Page listByUser(String userId, int limit, Optional<Position> after);

    /** Every order in one status, newest first, after a position from an earlier page: the admin's view. */
    Page listByStatus(OrderStatus status, int limit, Optional<Position> after);

    /**
     * In one transaction: the order to {@code end} (CANCELLED, EXPIRED, PAYMENT_FAILED) at its next
     * version, if it is still at {@code order.version()} in the status read, each line's units back
     * to its product, and its promotion's redemption given back. Returns the order as ended; throws
     * VersionConflictException, with the version stored, when the order moved.
     */
    Order release(Order order, OrderStatus end, String now);

    /**
     * The order from PENDING_PAYMENT to PAID at its next version, with the charge that paid it, if
     * it is still at {@code order.version()} and pending. Returns the order as paid; throws
     * VersionConflictException, with the version stored, when the order moved (expired, cancelled).
     */
    Order markPaid(Order order, String chargeId, String now);

    /**
     * The order to {@code to} at its next version, if it is still at {@code order.version()} in the
     * status read; nothing else changes. Throws VersionConflictException when the order moved.
     */
    Order move(Order order, OrderStatus to, String now);

    /**
     * A paid order handed to the shipping partner: FULFILLING with the partner's shipment id, if
     * still as read (VersionConflictException otherwise).
     */
    Order handOver(Order order, String shipmentId, String now);

    /** Records on the order the refund that gave its charge back, and why (and the charge, if not yet there). */
    void recordRefund(String orderId, String chargeId, String refundId, String reason);

    /** The refund recorded on an order, if any. */
    Optional<Refund> findRefund(String orderId);

    /** A refund given for an order, and why. */
    record Refund(String refundId, String reason) {
    }

    /** Orders still awaiting payment that were placed before {@code before}, oldest first. */
    List<Order> pendingBefore(Instant before, int limit);

    /** Where a page of a shopper's orders ended. */
    record Position(String createdAt, String orderId) {
    }

    record Page(List<Order> items, Optional<Position> next) {
    }
}
