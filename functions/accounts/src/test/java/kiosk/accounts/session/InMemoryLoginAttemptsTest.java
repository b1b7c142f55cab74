package kiosk.accounts.session;

class InMemoryLoginAttemptsTest extends LoginAttemptsContract {

    @Override
    LoginAttempts store() {
        return new InMemoryLoginAttempts();
    }
}
