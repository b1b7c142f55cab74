package kiosk.orders.checkout;

import java.util.Optional;

/** Orders and the Idempotency-Keys that placed them. */
public interface OrderStore {

    Optional<Order> find(String orderId);

    Optional<IdempotencyRecord> findKey(String userId, String idempotencyKey);

    /**
     * In one transaction: takes each line's units from its active product under
     * {@code stock >= quantity}, puts the order (its id new), empties the cart under the version
     * priced, and records the Idempotency-Key (new for this shopper). All or nothing: a refusal
     * is a {@link PlacementRefused} naming why, and nothing has changed.
     */
    void place(Placement placement);
}
