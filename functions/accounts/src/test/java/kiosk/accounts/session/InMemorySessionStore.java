package kiosk.accounts.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/** Refresh-token families in memory, for service tests; SessionStoreContract keeps it honest against DynamoDB's. */
public final class InMemorySessionStore implements SessionStore {

    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Family> families = new HashMap<>();
    /** Whether an account (id) still has a password hash and may sign in: DynamoDB's ConditionCheck on the account. */
    private final BiPredicate<String, String> accountHolds;

    public InMemorySessionStore() {
        this((userId, passwordHash) -> true);
    }

    public InMemorySessionStore(BiPredicate<String, String> accountHolds) {
        this.accountHolds = accountHolds;
    }

    @Override
    public synchronized boolean startSignIn(String familyId, String userId, String passwordHash, String tokenHash,
                                            Instant expiresAt, Instant now) {
        if (!accountHolds.test(userId, passwordHash)) {
            return false;
        }
        start(familyId, userId, tokenHash, expiresAt, now);
        return true;
    }

    @Override
    public synchronized void start(String familyId, String userId, String tokenHash, Instant expiresAt, Instant now) {
        if (families.containsKey(familyId) || tokens.containsKey(tokenHash)) {
            throw new IllegalStateException("family or token exists already");
        }
        families.put(familyId, new Family(familyId, userId, tokenHash, Set.of(), null, null, false, expiresAt));
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
    public synchronized boolean rotate(String familyId, String userId, String oldHash, String newHash, Instant expiresAt,
                                       Instant now) {
        Family family = families.get(familyId);
        if (family == null || family.revoked() || !family.isCurrent(oldHash) || tokens.containsKey(newHash)) {
            return false;
        }
        families.put(familyId, new Family(familyId, family.userId(), newHash, Set.of(), oldHash,
                Instant.ofEpochMilli(now.toEpochMilli()), false, expiresAt));
        tokens.put(newHash, new Token(newHash, familyId, userId, expiresAt));
        return true;
    }

    @Override
    public synchronized boolean addSibling(String familyId, String userId, String previousHash, String newHash,
                                           Instant expiresAt, Instant rotatedAfter) {
        Family family = families.get(familyId);
        if (family == null || family.revoked() || !previousHash.equals(family.previousHash())
                || !family.rotatedAt().isAfter(rotatedAfter) || family.siblingHashes().size() >= MAX_SIBLINGS
                || tokens.containsKey(newHash)) {
            return false;
        }
        Set<String> siblings = new HashSet<>(family.siblingHashes());
        siblings.add(newHash);
        families.put(familyId, new Family(familyId, family.userId(), family.currentHash(), siblings, previousHash,
                family.rotatedAt(), false, expiresAt));
        tokens.put(newHash, new Token(newHash, familyId, userId, expiresAt));
        return true;
    }

    @Override
    public synchronized void revoke(String familyId, Instant now) {
        Family family = families.get(familyId);
        if (family != null && !family.revoked()) {
            families.put(familyId, new Family(familyId, family.userId(), family.currentHash(), family.siblingHashes(),
                    family.previousHash(), family.rotatedAt(), true, family.expiresAt()));
        }
    }

    @Override
    public synchronized java.util.List<SignIn> signInsOf(String userId) {
        return families.values().stream().filter(f -> f.userId().equals(userId))
                .map(f -> new SignIn(f.id(), null, f.rotatedAt(), f.expiresAt(), f.revoked())).toList();
    }

    @Override
    public synchronized int revokeAllBut(String userId, String keep, Instant now) {
        int revoked = 0;
        for (Family family : java.util.List.copyOf(families.values())) {
            if (family.userId().equals(userId) && !family.id().equals(keep) && !family.revoked()) {
                revoke(family.id(), now);
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized void deleteAll(String userId) {
        families.values().removeIf(f -> f.userId().equals(userId));
        tokens.values().removeIf(t -> t.userId().equals(userId));
    }
}
