package kiosk.accounts.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.shipped();

    @ParameterizedTest
    @ValueSource(strings = {"violet staple orbit canyon", "Tr0ub4dor&3xyzzy", "\u65e5\u672c\u8a9e\u306e\u5408\u8a00\u8449\u306f\u9577\u3044\u3067\u3059",
            "12 characters", "bananas in pyjamas on stairs"})
    void acceptsPasswordsThatAreNotEasyToGuess(String password) {
        assertEquals(Optional.empty(), policy.problem(password, "ann@example.com"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String twelveEmoji = "\uD83D\uDE00".repeat(6) + "\uD83C\uDF89".repeat(6);
        assertEquals(Optional.empty(), policy.problem(twelveEmoji, "ann@example.com"));
        assertTrue(policy.problem("\uD83D\uDE00".repeat(6), "ann@example.com").isPresent());
    }

    @Test
    void refusesPasswordsOutsideTwelveToOneHundredTwentyEightCharacters() {
        assertTrue(policy.problem("eleven char", null).orElseThrow().contains("12 to 128"));
        String longest = "violet staple orbit canyon ".repeat(5).substring(0, 128);
        assertEquals(Optional.empty(), policy.problem(longest, null));
        assertTrue(policy.problem(longest + "z", null).orElseThrow().contains("12 to 128"));
        assertTrue(policy.problem(null, null).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1qaz2wsx3edc", "qwertyuiop123", "Password2024!", "!!iloveyou!!2024", "monkeymonkey",
            "abcabcabcabc", "aaaaaaaaaaaa", "111111111111", "DragonDragonDragon"})
    void refusesCommonPasswordsAndTheirObviousVariants(String password) {
        assertTrue(policy.problem(password, "ann@example.com").orElseThrow().contains("too common"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "34567890123456", "zyxwvutsrqpo"})
    void refusesSequences(String password) {
        assertTrue(policy.problem(password, null).isPresent(), password);
    }

    @Test
    void refusesTheEmailNameAndTheShopName() {
        assertTrue(policy.problem("my name is annabelle!", "Annabelle@example.com").orElseThrow().contains("email"));
        assertTrue(policy.problem("long live annabelle", "annabelle+shop@example.com").orElseThrow().contains("email"));
        assertTrue(policy.problem("my kiosk password", null).orElseThrow().contains("shop"));
        assertEquals(Optional.empty(), policy.problem("jo walks the dog daily", "jo@example.com"));
    }
}
