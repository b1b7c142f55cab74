package kiosk.accounts.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import kiosk.accounts.user.DynamoDbUserStore;
import kiosk.accounts.user.User;
import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class DynamoDbSessionStoreIT extends SessionStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final LocalAws aws;

    DynamoDbSessionStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    SessionStore store() {
        return new DynamoDbSessionStore(aws.dynamoDb(), aws.tableName("SessionsTable"), aws.tableName("UsersTable"));
    }

    /** The ConditionCheck on the account: the verified hash still the account's, and no erasure begun. */
    @Test
    void aSignInBeginsOnlyWhileTheAccountHasTheVerifiedHashAndIsNotBeingErased() {
        DynamoDbUserStore users = new DynamoDbUserStore(aws.dynamoDb(), aws.tableName("UsersTable"));
        String id = UUID.randomUUID().toString();
        users.create(new User(id, id + "@example.com", "Ann", "hash-1", Set.of(), NOW.toString()));
        SessionStore sessions = store();

        assertTrue(sessions.startSignIn(id + "-a", id, "hash-1", id + "-token-a", NOW.plusSeconds(60), NOW));
        assertEquals(id, sessions.findFamily(id + "-a").orElseThrow().userId());

        assertTrue(users.changePasswordHash(id, "hash-1", "hash-2"));
        assertFalse(sessions.startSignIn(id + "-b", id, "hash-1", id + "-token-b", NOW.plusSeconds(60), NOW));
        assertTrue(sessions.findFamily(id + "-b").isEmpty(), "nothing written");
        assertTrue(sessions.findToken(id + "-token-b").isEmpty(), "nothing written");

        assertTrue(users.beginErasure(id, NOW, "tomb").isPresent());
        assertFalse(sessions.startSignIn(id + "-c", id, "hash-2", id + "-token-c", NOW.plusSeconds(60), NOW));
        assertTrue(sessions.findFamily(id + "-c").isEmpty(), "nothing written while erasing");

        assertFalse(sessions.startSignIn(id + "-d", "no-such-account", "hash-2", id + "-token-d", NOW.plusSeconds(60), NOW));
    }

    @Test
    void aStoreGivenNoUsersTableCannotSignIn() {
        SessionStore logoutsOnly = new DynamoDbSessionStore(aws.dynamoDb(), aws.tableName("SessionsTable"));
        assertThrows(IllegalStateException.class,
                () -> logoutsOnly.startSignIn("f", "u", "h", "t", NOW.plusSeconds(60), NOW));
    }
}
