package kiosk.catalog.product;

/** The product store contract against the in-memory fake the handler tests use. */
class InMemoryProductStoreTest extends ProductStoreContract {

    @Override
    ProductStore store() {
        return new InMemoryProductStore();
    }

    @Override
    ProductStore emptyStore() {
        return new InMemoryProductStore();
    }
}
