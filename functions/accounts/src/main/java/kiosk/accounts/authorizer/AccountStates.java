package kiosk.accounts.authorizer;

/** Whether an account still stands behind a token the authorizer has verified. */
@FunctionalInterface
public interface AccountStates {

    /**
     * True while the account exists, is not erased, and accepts access tokens issued at
     * {@code issuedAt} (epoch seconds; {@code issuedAtMillis} the same to the millisecond): a
     * password reset refuses every token issued before it.
     */
    boolean admits(String userId, long issuedAt, long issuedAtMillis);
}
