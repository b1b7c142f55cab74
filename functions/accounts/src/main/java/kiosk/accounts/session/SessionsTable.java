package kiosk.accounts.session;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import kiosk.accounts.Items;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one item layout of the SessionsTable: a refresh-token family ({@code family#<id>}, holding
 * the hash of its current token) and every token ever issued ({@code token#<hash>}, pointing at
 * its family). Both carry {@link #EXPIRES_AT} for the table's TTL, and {@link #USER_ID}, which the
 * table's ByUser index is keyed by (with {@code pk} as its sort key, so a query can ask for the
 * families alone): how a password change finds the other sign-ins, and an erasure all of them.
 */
final class SessionsTable {

    static final String FAMILY = "family#";
    static final String TOKEN = "token#";

    static final String USER_ID = "userId";
    static final String FAMILY_ID = "familyId";
    static final String BY_USER = "ByUser";
    /** When the sign-in began (ISO-8601), on a family. */
    static final String CREATED_AT = "createdAt";
    static final String CURRENT_HASH = "currentHash";
    /** A string set: tokens given to retries of the family's last rotation; absent when none. */
    static final String SIBLING_HASHES = "siblingHashes";
    /** The token the family's last rotation used up; absent before the first. */
    static final String PREVIOUS_HASH = "previousHash";
    /** Epoch milliseconds of the family's last rotation; absent before the first. */
    static final String ROTATED_AT = "rotatedAt";
    /** When a family was revoked (ISO-8601); absent while it is live. */
    static final String REVOKED_AT = "revokedAt";
    /** Epoch seconds after which the table's TTL removes the item. */
    static final String EXPIRES_AT = "expiresAt";

    private SessionsTable() {
    }

    static Map<String, AttributeValue> familyItem(String familyId, String userId, String currentHash, Instant expiresAt,
                                                  Instant createdAt) {
        return Map.of(Items.PK, s(FAMILY + familyId), USER_ID, s(userId), CURRENT_HASH, s(currentHash),
                EXPIRES_AT, n(expiresAt.getEpochSecond()), CREATED_AT, s(createdAt.toString()));
    }

    static Map<String, AttributeValue> tokenItem(String hash, String familyId, String userId, Instant expiresAt) {
        return Map.of(Items.PK, s(TOKEN + hash), FAMILY_ID, s(familyId), USER_ID, s(userId),
                EXPIRES_AT, n(expiresAt.getEpochSecond()));
    }

    static SessionStore.Token token(String hash, Map<String, AttributeValue> item) {
        return new SessionStore.Token(hash, string(item, FAMILY_ID), string(item, USER_ID),
                Instant.ofEpochSecond(number(item, EXPIRES_AT)));
    }

    static SessionStore.Family family(String familyId, Map<String, AttributeValue> item) {
        AttributeValue siblings = item.get(SIBLING_HASHES);
        AttributeValue previous = item.get(PREVIOUS_HASH);
        return new SessionStore.Family(familyId, string(item, USER_ID), string(item, CURRENT_HASH),
                siblings == null ? Set.of() : Set.copyOf(siblings.ss()), previous == null ? null : previous.s(),
                item.containsKey(ROTATED_AT) ? Instant.ofEpochMilli(number(item, ROTATED_AT)) : null,
                item.containsKey(REVOKED_AT), Instant.ofEpochSecond(number(item, EXPIRES_AT)));
    }
}
