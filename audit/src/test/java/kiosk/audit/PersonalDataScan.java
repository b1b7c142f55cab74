package kiosk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;

/**
 * Finds personal data and secrets in text: any email address, any JWT, any opaque 256-bit token
 * (refresh and reset tokens, and their hashes, are 43 base64url characters), and the literal
 * names, street lines and passwords the tests' accounts use, read from the tests' own sources so
 * that a new fixture is looked for without anyone remembering to list it.
 */
final class PersonalDataScan {

    // Each match is tried only where a run of its characters starts, and never backtracks into the
    // run: otherwise a long line without an "@" (a 50 KB report body) costs the square of its length.
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern OPAQUE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    /** new Address("Ann Example", List.of("Hauptstrasse 1"), ...) */
    private static final Pattern ADDRESS_CALL = Pattern.compile("new Address\\(\\s*\"([^\"]+)\",\\s*List\\.of\\(\"([^\"]+)\"");
    /** {"name":"Ann","lines":["Hauptstrasse 1"], ...} in a test's JSON text, escaped or in a text block. */
    private static final Pattern ADDRESS_JSON = Pattern.compile("\\\\?\"name\\\\?\":\\s*\\\\?\"([^\"\\\\]+)\\\\?\",\\s*\\\\?\"lines\\\\?\":\\s*\\[\\\\?\"([^\"\\\\]+)");
    /** PASSWORD = "violet staple orbit canyon", String password = "..." */
    private static final Pattern PASSWORD = Pattern.compile("(?i)\\w*password\\w*\\s*=\\s*\"([^\"]{8,})\"");

    /** Dependencies, the browser client's build, compiled classes (and any hidden folder: history, tools' virtualenvs). */
    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", "dist", "classes", "test-classes", "lambda-runtime");

    private final Set<String> literals;

    PersonalDataScan(Set<String> literals) {
        this.literals = Set.copyOf(literals);
    }

    /** The names, first address lines and passwords in the tests' sources under this folder. */
    static Set<String> fixtureValues(Path root) {
        Set<String> values = new TreeSet<>();
        try {
            for (Path file : files(root, f -> f.toString().endsWith(".java") && f.toString().contains("/src/test/"))) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                collect(ADDRESS_CALL, source, values, 1, 2);
                collect(ADDRESS_JSON, source, values, 1, 2);
                collect(PASSWORD, source, values, 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** The files under root that match, past the folders that hold neither sources nor reports. */
    static List<Path> files(Path root, Predicate<Path> wanted) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = SKIPPED.contains(name) || name.startsWith(".") && !dir.equals(root);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (wanted.test(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    private static void collect(Pattern pattern, String source, Set<String> into, int... groups) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            for (int group : groups) {
                String value = m.group(group).strip();
                // "A", "Bo": too short to mean anyone, and would be found inside every other word.
                if (value.length() >= 3) {
                    into.add(value);
                }
            }
        }
    }

    /** What in this line is personal data or a secret, each finding as kind and the text found. */
    List<String> findings(String line) {
        List<String> found = new ArrayList<>();
        find(EMAIL, "email", line, found);
        find(JWT, "jwt", line, found);
        Matcher opaque = OPAQUE.matcher(line);
        while (opaque.find()) {
            if (random(opaque.group())) {
                found.add("token: " + opaque.group());
            }
        }
        for (String literal : literals) {
            int at = line.indexOf(literal);
            if (at >= 0 && bounded(line, at, literal.length())) {
                found.add("fixture: " + literal);
            }
        }
        return found;
    }

    private static void find(Pattern pattern, String kind, String line, List<String> found) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            found.add(kind + ": " + m.group());
        }
    }

    /** A random base64url string mixes cases and digits; 43 letters of an identifier do not. */
    private static boolean random(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                && s.chars().anyMatch(Character::isDigit);
    }

    /** "Ann" in "Ann," but not in "Annual": a literal counts only as a whole word. */
    private static boolean bounded(String line, int at, int length) {
        int end = at + length;
        return (at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1)))
                && (end == line.length() || !Character.isLetterOrDigit(line.charAt(end)));
    }
}
