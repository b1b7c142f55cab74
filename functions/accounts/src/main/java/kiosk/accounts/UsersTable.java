package kiosk.accounts;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.ss;
import static kiosk.shared.dynamodb.Attributes.string;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import kiosk.accounts.user.User;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one item layout of the UsersTable, whose key {@link Items#PK} names four kinds of item: an
 * account ({@code user#<id>}), the claim that makes its email unique ({@code email#<email>}, with
 * the account's id), the failed sign-ins of an email ({@code attempts#<email>}), and a password
 * reset's token ({@code reset#<hash of the token>}, with the account's id). An erased account
 * leaves a tombstone under its {@code user#} key ({@link #ERASED_AT}, no personal data) until the
 * table's TTL removes it. Stores name attributes only through these constants, in items and in
 * expressions alike.
 */
public final class UsersTable {

    public static final String USER = "user#";
    public static final String EMAIL_CLAIM = "email#";
    public static final String ATTEMPTS = "attempts#";
    public static final String RESET = "reset#";

    public static final String USER_ID = "userId";
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    public static final String PASSWORD_HASH = "passwordHash";
    /** A string set; absent when the account has no role, as DynamoDB has no empty set. */
    public static final String ROLES = "roles";
    public static final String CREATED_AT = "createdAt";
    public static final String VERSION = "version";
    /** Epoch seconds: access tokens issued before it are refused (set by a password reset). */
    public static final String TOKENS_VALID_AFTER = "tokensValidAfter";
    /**
     * Epoch milliseconds: the same, set once a reset's transaction has committed, so that it also
     * refuses tokens of sign-ins begun in the reset's own second before it took effect.
     */
    public static final String TOKENS_VALID_AFTER_MILLIS = "tokensValidAfterMs";
    /** The hash of the account's one live password-reset token; absent when none. */
    public static final String RESET_TOKEN_HASH = "resetTokenHash";
    /** When an erasure began (ISO-8601): while set, no order can be placed for the account. */
    public static final String ERASING = "erasing";
    /**
     * The id an erasure gives the account's orders ("erased-<uuid>"), chosen by the first of any
     * erasures at once so that all of them use it; never kept on the tombstone.
     */
    public static final String TOMBSTONE_ID = "tombstoneId";
    /** When the account was erased (ISO-8601): the item is a tombstone. */
    public static final String ERASED_AT = "erasedAt";

    /** Failed sign-ins in a row, on an attempts item. */
    public static final String FAILURES = "failures";
    /** Epoch seconds until which an email is locked out, on an attempts item. */
    public static final String LOCKED_UNTIL = "lockedUntil";
    /** Epoch seconds after which the table's TTL removes an attempts, reset or tombstone item. */
    public static final String EXPIRES_AT = "expiresAt";

    private UsersTable() {
    }

    public static Map<String, AttributeValue> userItem(User user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Items.PK, s(USER + user.id()));
        item.put(USER_ID, s(user.id()));
        item.put(EMAIL, s(user.email()));
        item.put(NAME, s(user.name()));
        item.put(PASSWORD_HASH, s(user.passwordHash()));
        if (!user.roles().isEmpty()) {
            item.put(ROLES, ss(user.sortedRoles()));
        }
        item.put(CREATED_AT, s(user.createdAt()));
        item.put(VERSION, n(1));
        return item;
    }

    public static User user(Map<String, AttributeValue> item) {
        AttributeValue roles = item.get(ROLES);
        return new User(string(item, USER_ID), string(item, EMAIL), string(item, NAME), string(item, PASSWORD_HASH),
                roles == null ? Set.of() : Set.copyOf(roles.ss()), string(item, CREATED_AT));
    }

    public static Map<String, AttributeValue> emailClaim(String email, String userId) {
        return Map.of(Items.PK, s(EMAIL_CLAIM + email), USER_ID, s(userId));
    }
}
