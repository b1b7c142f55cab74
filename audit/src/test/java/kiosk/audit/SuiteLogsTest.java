package kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole suite's output, as surefire and failsafe kept it per test class (redirected to
 * target/*-reports/*-output.txt by the parent POM), holds no personal data and no secret. The
 * tests sign up, sign in, reset passwords, check out to street addresses and erase accounts
 * through every handler, the local runtime's gateway and its queues; whatever any of that logged
 * is read here. Runs last in the reactor (see the POM), so it sees every module's reports.
 */
class SuiteLogsTest {

    private static final Path ROOT = Path.of(System.getProperty("kiosk.root", "..")).toAbsolutePath().normalize();
    /** The modules whose tests run functions; each must have left output, or the scan proves nothing. */
    private static final List<String> MODULES = List.of("functions/catalog", "functions/accounts", "functions/orders",
            "functions/jobs", "functions/fulfilment", "local");
    private static final Pattern FUNCTION = Pattern.compile("\"function\":\"([^\"]+)\"");

    @Test
    void noLogLineOfTheSuiteHoldsPersonalDataOrASecret() throws IOException {
        Set<String> fixtures = PersonalDataScan.fixtureValues(ROOT);
        // The names, streets and passwords the tests use; a handful of each at least, or the source patterns broke.
        assertTrue(fixtures.size() >= 10, "fixture values read from the tests' sources: " + fixtures);
        PersonalDataScan scan = new PersonalDataScan(fixtures);

        List<Path> outputs = outputs();
        List<String> findings = new ArrayList<>();
        Set<String> functions = new TreeSet<>();
        long logLines = 0;
        for (Path output : outputs) {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("{\"timestamp\":")) {
                    logLines++;
                    Matcher function = FUNCTION.matcher(line);
                    if (function.find()) {
                        functions.add(function.group(1));
                    }
                }
                for (String finding : scan.findings(line)) {
                    findings.add(ROOT.relativize(output) + ":" + (i + 1) + ": " + finding);
                }
            }
        }
        for (String module : MODULES) {
            assertTrue(outputs.stream().anyMatch(o -> ROOT.relativize(o).startsWith(module)),
                    "no test output from " + module + ": run the whole suite (./mvnw verify) before this check");
        }
        // Enough of the suite's logs to mean something: the functions' own lines, from most of them.
        assertTrue(logLines >= 1_000, "log lines read: " + logLines);
        assertTrue(functions.size() >= 20, "functions seen logging: " + functions);
        System.out.println("read " + outputs.size() + " test classes' output: " + logLines + " log lines of "
                + functions.size() + " functions, looked for emails, JWTs, 256-bit tokens and " + fixtures.size() + " fixture values");
        if (!findings.isEmpty()) {
            fail(findings.size() + " personal data or secrets in the test suite's output (" + outputs.size()
                    + " files, " + logLines + " log lines), first ones:\n" + String.join("\n", findings.subList(0, Math.min(40, findings.size()))));
        }
    }

    /** Every test class's output file under the project, but this module's own. */
    private static List<Path> outputs() throws IOException {
        return PersonalDataScan.files(ROOT, file -> {
            String parent = file.getParent().getFileName().toString();
            return (parent.equals("surefire-reports") || parent.equals("failsafe-reports"))
                    && file.getFileName().toString().endsWith("-output.txt") && !file.startsWith(ROOT.resolve("audit"));
        });
    }
}
