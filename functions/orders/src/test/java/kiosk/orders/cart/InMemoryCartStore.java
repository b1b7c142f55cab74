package kiosk.orders.cart;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiosk.shared.error.VersionConflictException;

/** The cart store contract in memory; DynamoDbCartStoreIT checks the real one. */
final class InMemoryCartStore implements CartStore {

    private final Map<String, Cart> carts = new ConcurrentHashMap<>();
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    @Override
    public Optional<Cart> find(String userId) {
        return Optional.ofNullable(carts.get(userId));
    }

    @Override
    public synchronized void save(Cart cart, long expectedVersion, long expiresAtEpochSecond) {
        Cart current = carts.get(cart.userId());
        long version = current == null ? 0 : current.version();
        if (version != expectedVersion) {
            throw new VersionConflictException("The cart has changed since it was read.", version);
        }
        carts.put(cart.userId(), cart);
        expiries.put(cart.userId(), expiresAtEpochSecond);
    }

    long expiresAt(String userId) {
        return expiries.get(userId);
    }
}
