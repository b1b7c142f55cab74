package kiosk.accounts.user;

import java.util.Optional;

/** Accounts, found by id or by normalized email. */
public interface UserStore {

    /** Stores a new account; {@link EmailTakenException} if its email already has one. */
    void create(User user);

    Optional<User> findByEmail(String email);

    Optional<User> findById(String id);

    /** Swaps the hash if it is still {@code expected}; a concurrent change wins quietly. */
    void replacePasswordHash(String userId, String expected, String replacement);

    /** Adds a role; the account must exist. Returns the account as it now is. */
    User grantRole(String userId, String role);
}
