package kiosk.fulfilment.notification;

/** The notification store contract against the in-memory fake the service tests use. */
class InMemoryNotificationStoreTest extends NotificationStoreContract {

    @Override
    NotificationStore store() {
        return new InMemoryNotificationStore();
    }
}
