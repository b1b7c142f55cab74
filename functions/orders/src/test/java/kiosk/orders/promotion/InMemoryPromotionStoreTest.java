package kiosk.orders.promotion;

/** The promotion store contract against the in-memory fake the service and handler tests use. */
class InMemoryPromotionStoreTest extends PromotionStoreContract {

    @Override
    PromotionStore emptyStore() {
        return new InMemoryPromotionStore();
    }
}
