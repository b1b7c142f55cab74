package kiosk.accounts.user;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiosk.shared.error.NotFoundException;

/** The user store in memory, for service tests; UserStoreContract keeps it honest against DynamoDB's. */
public final class InMemoryUserStore implements UserStore {

    private final Map<String, User> byId = new HashMap<>();
    private final Map<String, String> idByEmail = new HashMap<>();

    @Override
    public synchronized void create(User user) {
        if (idByEmail.containsKey(user.email())) {
            throw new EmailTakenException();
        }
        idByEmail.put(user.email(), user.id());
        byId.put(user.id(), user);
    }

    @Override
    public synchronized Optional<User> findByEmail(String email) {
        return Optional.ofNullable(idByEmail.get(email)).flatMap(this::findById);
    }

    @Override
    public synchronized Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized void replacePasswordHash(String userId, String expected, String replacement) {
        User user = byId.get(userId);
        if (user != null && user.passwordHash().equals(expected)) {
            byId.put(userId, new User(user.id(), user.email(), user.name(), replacement, user.roles(), user.createdAt()));
        }
    }

    @Override
    public synchronized User grantRole(String userId, String role) {
        User user = byId.get(userId);
        if (user == null) {
            throw new NotFoundException("No account " + userId + ".");
        }
        Set<String> roles = new HashSet<>(user.roles());
        roles.add(role);
        User granted = new User(user.id(), user.email(), user.name(), user.passwordHash(), roles, user.createdAt());
        byId.put(userId, granted);
        return granted;
    }
}
