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
    public synchronized boolean replacePasswordHash(String userId, String expected, String replacement) {
        User user = byId.get(userId);
        if (user == null || !user.passwordHash().equals(expected)) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.email(), user.name(), replacement, user.roles(), user.createdAt()));
        return true;
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

    private final Map<String, String> resetOwners = new HashMap<>();
    private final Map<String, java.time.Instant> resetExpiries = new HashMap<>();
    private final Map<String, String> liveReset = new HashMap<>();
    private final Set<String> erasing = new HashSet<>();
    private final Map<String, String> tombstoneIds = new HashMap<>();

    @Override
    public synchronized boolean changePasswordHash(String userId, String expected, String replacement) {
        User user = byId.get(userId);
        if (user == null || erasing.contains(userId) || !user.passwordHash().equals(expected)) {
            return false;
        }
        byId.put(userId, new User(user.id(), user.email(), user.name(), replacement, user.roles(), user.createdAt()));
        return true;
    }

    @Override
    public synchronized boolean startReset(String userId, String tokenHash, java.time.Instant expiresAt) {
        if (!byId.containsKey(userId) || erasing.contains(userId)) {
            return false;
        }
        String previous = liveReset.put(userId, tokenHash);
        if (previous != null) {
            resetOwners.remove(previous);
        }
        resetOwners.put(tokenHash, userId);
        resetExpiries.put(tokenHash, expiresAt);
        return true;
    }

    @Override
    public synchronized Optional<String> resetOwner(String tokenHash, java.time.Instant now) {
        java.time.Instant expires = resetExpiries.get(tokenHash);
        return expires == null || !expires.isAfter(now) ? Optional.empty() : Optional.ofNullable(resetOwners.get(tokenHash));
    }

    @Override
    public synchronized boolean completeReset(String tokenHash, String userId, String replacement, java.time.Instant now) {
        if (resetOwner(tokenHash, now).filter(userId::equals).isEmpty() || !tokenHash.equals(liveReset.get(userId))
                || erasing.contains(userId)) {
            return false;
        }
        resetOwners.remove(tokenHash);
        liveReset.remove(userId);
        User user = byId.get(userId);
        byId.put(userId, new User(user.id(), user.email(), user.name(), replacement, user.roles(), user.createdAt()));
        return true;
    }

    @Override
    public void refuseTokensIssuedBefore(String userId, java.time.Instant at) {
        // No token state here: the authorizer's account states are DynamoDB's (AccountLifecycleIT).
    }

    @Override
    public synchronized Optional<String> beginErasure(String userId, java.time.Instant now, String proposedTombstoneId) {
        if (!byId.containsKey(userId)) {
            return Optional.empty();
        }
        erasing.add(userId);
        return Optional.of(tombstoneIds.computeIfAbsent(userId, id -> proposedTombstoneId));
    }

    @Override
    public synchronized void abandonErasure(String userId) {
        erasing.remove(userId);
        tombstoneIds.remove(userId);
    }

    @Override
    public synchronized void erase(User user, java.time.Instant now, java.time.Instant tombstoneExpiresAt) {
        byId.remove(user.id());
        idByEmail.remove(user.email(), user.id());
    }
}
