package kiosk.accounts.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Refresh-token families in memory, for service tests; SessionStoreContract keeps it honest against DynamoDB's. */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Family> families = new HashMap<>();

    @Override
    public synchronized void start(String familyId, String userId, String tokenHash, Instant expiresAt) {
        if (families.containsKey(familyId) || tokens.containsKey(tokenHash)) {
            throw new IllegalStateException("family or token exists already");
        }
        families.put(familyId, new Family(familyId, userId, tokenHash, false, expiresAt));
        tokens.put(tokenHash, new Token(tokenHash, familyId, userId, expiresAt));
    }

    @Override
    public synchronized Optional<Token> findToken(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public synchronized Optional<Family> findFamily(String familyId) {
        return Optional.ofNullable(families.get(familyId));
    }

    @Override
    public synchronized boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt) {
        Family family = families.get(familyId);
        if (family == null || family.revoked() || !family.currentHash().equals(oldHash) || tokens.containsKey(newHash)) {
            return false;
        }
        families.put(familyId, new Family(familyId, family.userId(), newHash, false, expiresAt));
        tokens.put(newHash, new Token(newHash, familyId, userId, expiresAt));
        return true;
    }

    @Override
    public synchronized void revoke(String familyId, Instant now) {
        Family family = families.get(familyId);
        if (family != null && !family.revoked()) {
            families.put(familyId, new Family(familyId, family.userId(), family.currentHash(), true, family.expiresAt()));
        }
    }
}
