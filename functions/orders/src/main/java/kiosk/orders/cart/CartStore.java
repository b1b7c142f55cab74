package kiosk.orders.cart;

import java.util.Optional;

/**
 * Where carts live, one per shopper. Never deleted by a request: an emptied cart keeps its version,
 * so an If-Match read before cannot match a cart started afresh; TTL removes it later.
 */
public interface CartStore {

    Optional<Cart> find(String userId);

    /**
     * Stores {@code cart} if the stored one is still at {@code expectedVersion} (0: none stored),
     * and keeps it until {@code expiresAtEpochSecond}. Throws VersionConflictException, with the
     * version stored now, when another change got there first.
     */
    void save(Cart cart, long expectedVersion, long expiresAtEpochSecond);
}
