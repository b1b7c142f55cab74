package kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan finds what it is for, and leaves the ids and numbers every log line holds alone. */
class PersonalDataScanTest {

    private final PersonalDataScan scan = new PersonalDataScan(Set.of("Ann Example", "Hauptstrasse 1", "violet staple orbit canyon"));

    @Test
    void findsEmailsTokensAndFixtureValues() {
        assertEquals(List.of("email: ann+1@example.com"),
                scan.findings("{\"message\":\"signed up\",\"email\":\"ann+1@example.com\"}"));
        assertEquals(List.of("jwt: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl"),
                scan.findings("bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl"));
        assertEquals(List.of("token: Zx9_3kQ-aB7cD1eF2gH3iJ4kL5mN6oP7qR8sT9uV0wX"),
                scan.findings("{\"refreshToken\":\"Zx9_3kQ-aB7cD1eF2gH3iJ4kL5mN6oP7qR8sT9uV0wX\"}"));
        assertEquals(List.of("fixture: Ann Example", "fixture: Hauptstrasse 1"),
                scan.findings("shipping to Ann Example, Hauptstrasse 1, Berlin").stream().sorted().toList());
        assertEquals(List.of("fixture: violet staple orbit canyon"), scan.findings("password=violet staple orbit canyon"));
    }

    @Test
    void leavesIdsTimesAndWordsAlone() {
        String line = "{\"timestamp\":\"2026-11-21T10:00:00.123Z\",\"level\":\"INFO\",\"message\":\"order placed\","
                + "\"function\":\"CheckoutFunction\",\"requestId\":\"8f2b6a1e-55c4-4d1f-9a57-0c3f1f7d2e11\","
                + "\"traceId\":\"Root=1-6740a1b2-3c4d5e6f7a8b9c0d1e2f3a4b\",\"userId\":\"u-5d1c3e0a\",\"amount\":1995}";
        assertEquals(List.of(), scan.findings(line));
        // A literal only as a whole word: "Annual" is not "Ann", a longer street number is another street.
        assertEquals(List.of(), new PersonalDataScan(Set.of("Ann", "Hauptstrasse 1")).findings("Annual report, Hauptstrasse 12"));
        // An identifier as long as a token but without its mix of cases and digits.
        assertEquals(List.of(), scan.findings("kiosk_local_notifications_dead_letter_queue"));
    }

    @Test
    void readsFixtureValuesFromTestSources(@TempDir Path root) throws IOException {
        Path test = Files.createDirectories(root.resolve("m/src/test/java/x"));
        Files.writeString(test.resolve("T.java"), """
                class T {
                    static final String PASSWORD = "amber falcon ridge meadow";
                    Object a = new Address("Sam Sample", List.of("1 Sample Road"), "Leeds", "LS1 1AA", "GB");
                    String b = "{\\"shippingAddress\\":{\\"name\\":\\"Bob\\",\\"lines\\":[\\"Rue 2\\"],\\"city\\":\\"Paris\\"}}";
                    String c = \"""
                            {"shippingAddress":{"name":"Ann","lines":["Hauptstrasse 1"],"city":"Berlin"}}
                            \""";
                    String d = "{\\"name\\":\\"A\\",\\"lines\\":[\\"x\\"]}";
                }
                """);
        Path main = Files.createDirectories(root.resolve("m/src/main/java/x"));
        Files.writeString(main.resolve("M.java"), "class M { String password = \"not a fixture at all\"; }");
        assertEquals(Set.of("amber falcon ridge meadow", "Sam Sample", "1 Sample Road", "Bob", "Rue 2", "Ann", "Hauptstrasse 1"),
                PersonalDataScan.fixtureValues(root));
        assertTrue(PersonalDataScan.fixtureValues(root.resolve("m/src/main")).isEmpty());
    }
}
