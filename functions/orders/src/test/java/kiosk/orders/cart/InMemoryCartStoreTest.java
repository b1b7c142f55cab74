package kiosk.orders.cart;

/** The cart store contract against the in-memory fake the service and handler tests use. */
class InMemoryCartStoreTest extends CartStoreContract {

    @Override
    CartStore store() {
        return new InMemoryCartStore();
    }
}
