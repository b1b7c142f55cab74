package kiosk.accounts.session;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    SessionStore store() {
        return new InMemorySessionStore();
    }
}
