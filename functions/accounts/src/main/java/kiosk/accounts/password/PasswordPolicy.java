package kiosk.accounts.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST 800-63B's rules for a chosen password: 12 to 128 characters, any characters, no
 * composition rules, and refused when it is easy to guess: on the shipped list of common
 * passwords, such a password padded with digits or symbols or repeated, a run of sequential or
 * repeated characters, or the account's own email name or the service's name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String RESOURCE = "common-passwords.txt";
    /** Context-specific words (800-63B 3.1.1.2): the service's own name. */
    private static final Set<String> CONTEXT_WORDS = Set.of("kiosk");
    /** Shorter email names ("jo") are common substrings of good passwords; refusing them helps nobody. */
    private static final int MIN_LOCAL_PART = 3;

    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The shipped list, read once; about 49,000 entries. */
    public static PasswordPolicy shipped() {
        return Shipped.POLICY;
    }

    /** Why the password is refused, written for the person choosing it; empty if it is acceptable. */
    public Optional<String> problem(String password, String email) {
        if (password == null) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lower = Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String core = stripPadding(lower);
        if (common.contains(lower) || common.contains(core) || repeatsCommonOrShort(lower) || repeatsCommonOrShort(core)) {
            return Optional.of("is too common; a few unrelated words make a strong, memorable password");
        }
        if (sequential(lower)) {
            return Optional.of("must not be a run of sequential or repeated characters");
        }
        for (String word : CONTEXT_WORDS) {
            if (lower.contains(word)) {
                return Optional.of("must not contain the name of this shop");
            }
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT);
            local = local.substring(0, Math.max(0, local.indexOf('@')));
            int plus = local.indexOf('+');
            String name = plus > 0 ? local.substring(0, plus) : local;
            if (name.length() >= MIN_LOCAL_PART && lower.contains(name)
                    || local.length() >= MIN_LOCAL_PART && lower.contains(local)) {
                return Optional.of("must not contain your email address's name");
            }
        }
        return Optional.empty();
    }

    /** "Password2024!" -> "password": what is left after leading and trailing digits and symbols. */
    private static String stripPadding(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    /** "monkeymonkey", "abcabcabcabc": a common word or a unit of up to 4 characters, repeated. */
    private boolean repeatsCommonOrShort(String core) {
        int n = core.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit != 0) {
                continue;
            }
            String head = core.substring(0, unit);
            if (head.repeat(n / unit).equals(core) && (unit <= 4 || common.contains(head))) {
                return true;
            }
        }
        return false;
    }

    /** "123456789012", "zyxwvutsrqpo": every step is +1 or -1 (digits wrap 9 to 0). */
    private static boolean sequential(String lower) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < lower.length(); i++) {
            int step = lower.charAt(i) - lower.charAt(i - 1);
            boolean wraps = lower.charAt(i - 1) == '9' && lower.charAt(i) == '0';
            boolean wrapsDown = lower.charAt(i - 1) == '0' && lower.charAt(i) == '9';
            if (step == 1 || wraps) {
                up++;
            } else if (step == -1 || wrapsDown) {
                down++;
            }
        }
        int steps = lower.length() - 1;
        return up == steps || down == steps;
    }

    private static final class Shipped {
        static final PasswordPolicy POLICY = new PasswordPolicy(load());

        private static Set<String> load() {
            Set<String> words = new HashSet<>(70_000);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the package");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isEmpty() && line.charAt(0) != '#') {
                        words.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(words);
        }
    }
}
