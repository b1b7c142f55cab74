package kiosk.accounts.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Cheap, so the suite stays fast; the OWASP cost is exercised where it matters. */
    private static final PasswordHasher.Cost TEST_COST = new PasswordHasher.Cost(4096, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(TEST_COST);

    @Test
    void verifiesHashesMadeByTheReferenceImplementation() {
        // Made with argon2-cffi 25.1 (the C reference implementation), salts "kiosk-test-salt!" and
        // "0123456789abcdef": our hashes and theirs are interchangeable.
        PasswordHasher owasp = new PasswordHasher(PasswordHasher.Cost.OWASP);
        assertTrue(owasp.verify("correct horse battery staple",
                "$argon2id$v=19$m=19456,t=2,p=1$a2lvc2stdGVzdC1zYWx0IQ$eD9zs1RyYPjJCw3yZlG45ujOzIW2AG4UQf/7HCtSuDk"));
        assertTrue(owasp.verify("\u00dcn\u00efc\u00f8d\u00e9 p\u00e4ssw\u00f6rd",
                "$argon2id$v=19$m=4096,t=1,p=2$MDEyMzQ1Njc4OWFiY2RlZg$abn1kMF+T0gIFcidGOEZE0J4n1xpwIBbswYFQbjWvhw"));
        assertFalse(owasp.verify("correct horse battery stapl",
                "$argon2id$v=19$m=19456,t=2,p=1$a2lvc2stdGVzdC1zYWx0IQ$eD9zs1RyYPjJCw3yZlG45ujOzIW2AG4UQf/7HCtSuDk"));
    }

    @Test
    void storesTheCostWithAFreshSaltInEachHash() {
        String first = hasher.hash("a long enough password");
        String second = hasher.hash("a long enough password");
        assertTrue(first.startsWith("$argon2id$v=19$m=4096,t=1,p=1$"), first);
        assertNotEquals(first, second);
        assertTrue(hasher.verify("a long enough password", first));
        assertTrue(hasher.verify("a long enough password", second));
        assertFalse(hasher.verify("a long enough passworD", first));
    }

    @Test
    void theOwaspCostIsTheDefault() {
        assertTrue(new PasswordHasher(PasswordHasher.Cost.OWASP).hash("x").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void aComposedAndADecomposedAccentAreTheSamePassword() {
        String stored = hasher.hash("caf\u00e9 au lait, s'il vous pla\u00eet");
        assertTrue(hasher.verify("cafe\u0301 au lait, s'il vous pla\u0131\u0302t".replace("\u0131\u0302", "i\u0302"), stored));
    }

    @Test
    void asksForARehashOnlyWhenTheStoredCostIsWeaker() {
        PasswordHasher owasp = new PasswordHasher(PasswordHasher.Cost.OWASP);
        assertTrue(owasp.needsRehash(hasher.hash("whatever it is")));
        assertFalse(owasp.needsRehash(owasp.hash("whatever it is")));
        assertFalse(hasher.needsRehash(owasp.hash("whatever it is")));
    }

    @Test
    void checkingNothingFailsAfterDoingTheWork() {
        assertFalse(hasher.verifyNothing("any password at all"));
    }

    @Test
    void refusesStoredHashesItCannotReadOrThatWouldCostTooMuch() {
        assertThrows(IllegalStateException.class, () -> hasher.verify("x", "$2b$12$bcrypt.is.not.argon2"));
        assertThrows(IllegalArgumentException.class, () -> hasher.verify("x",
                "$argon2id$v=19$m=4194304,t=2,p=1$a2lvc2stdGVzdC1zYWx0IQ$eD9zs1RyYPjJCw3yZlG45ujOzIW2AG4UQf/7HCtSuDk"));
    }
}
