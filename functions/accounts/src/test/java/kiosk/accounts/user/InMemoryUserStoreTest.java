package kiosk.accounts.user;

class InMemoryUserStoreTest extends UserStoreContract {

    @Override
    UserStore store() {
        return new InMemoryUserStore();
    }
}
