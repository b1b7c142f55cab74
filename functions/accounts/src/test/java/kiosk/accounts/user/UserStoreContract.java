package kiosk.accounts.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kiosk.accounts.Race;
import kiosk.shared.error.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every UserStore does, run against the fake (InMemoryUserStoreTest) and DynamoDB's (DynamoDbUserStoreIT). */
abstract class UserStoreContract {

    private UserStore users;

    abstract UserStore store();

    @BeforeEach
    void givenAStore() {
        users = store();
    }

    private static User user(String email) {
        return new User(UUID.randomUUID().toString(), email, "Ann Example", "$argon2id$v=19$m=4096,t=1,p=1$c2FsdA$aGFzaA",
                Set.of(), "2026-11-21T10:00:00Z");
    }

    private static String email() {
        return "ann-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void anAccountReadsBackByIdAndByEmail() {
        User ann = user(email());
        users.create(ann);
        assertEquals(Optional.of(ann).map(User::id), users.findById(ann.id()).map(User::id));
        User found = users.findByEmail(ann.email()).orElseThrow();
        assertEquals(List.of(ann.id(), ann.email(), ann.name(), ann.passwordHash(), ann.createdAt()),
                List.of(found.id(), found.email(), found.name(), found.passwordHash(), found.createdAt()));
        assertEquals(Set.of(), found.roles());
    }

    @Test
    void unknownIdsAndEmailsAreEmpty() {
        assertEquals(Optional.empty(), users.findById(UUID.randomUUID().toString()));
        assertEquals(Optional.empty(), users.findByEmail(email()));
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefusedAndTheFirstStays() {
        User first = user(email());
        users.create(first);
        assertThrows(EmailTakenException.class, () -> users.create(user(first.email())));
        assertEquals(first.id(), users.findByEmail(first.email()).orElseThrow().id());
    }

    @Test
    void ofConcurrentSignupsWithOneEmailExactlyOneIsStored() throws Exception {
        String email = email();
        List<Boolean> created = Race.run(8, () -> {
            try {
                users.create(user(email));
                return true;
            } catch (EmailTakenException e) {
                return false;
            }
        });
        assertEquals(1, created.stream().filter(c -> c).count(), created::toString);
        assertTrue(users.findByEmail(email).isPresent());
    }

    @Test
    void theHashIsReplacedOnlyWhileItIsTheOneExpected() {
        User ann = user(email());
        users.create(ann);
        assertFalse(users.replacePasswordHash(ann.id(), "not the stored hash", "lost"));
        assertEquals(ann.passwordHash(), users.findById(ann.id()).orElseThrow().passwordHash());
        assertTrue(users.replacePasswordHash(ann.id(), ann.passwordHash(), "upgraded"));
        assertEquals("upgraded", users.findById(ann.id()).orElseThrow().passwordHash());
    }

    @Test
    void aRoleIsGrantedOnceToAnAccountThatExists() {
        User ann = user(email());
        users.create(ann);
        assertEquals(Set.of("admin"), users.grantRole(ann.id(), "admin").roles());
        assertEquals(Set.of("admin"), users.grantRole(ann.id(), "admin").roles());
        assertEquals(Set.of("admin"), users.findByEmail(ann.email()).orElseThrow().roles());
        assertThrows(NotFoundException.class, () -> users.grantRole(UUID.randomUUID().toString(), "admin"));
    }
}
