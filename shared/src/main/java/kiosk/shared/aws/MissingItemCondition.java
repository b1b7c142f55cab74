package kiosk.shared.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a DynamoDB condition expression holds for an item that does not exist, which is what
 * every primer's made-up key names: {@code attribute_not_exists} is true, and {@code
 * attribute_exists}, {@code begins_with}, {@code contains}, {@code attribute_type} and every
 * comparison of an attribute are false, joined by AND, OR, NOT and parentheses as DynamoDB joins
 * them. So a primer's create or counter write succeeds as it would for a new key ("count absent or
 * below the limit"), and an update of an existing thing fails its condition, both without a write.
 * An expression this cannot read counts as failing: a refusal is the safe answer for a write.
 */
final class MissingItemCondition {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
            + "(?<absent>attribute_not_exists\\s*\\([^)]*\\))"
            + "|(?<predicate>(?:attribute_exists|attribute_type|begins_with|contains)\\s*\\([^)]*\\))"
            + "|(?<operand>size\\s*\\([^)]*\\)|[#:][A-Za-z0-9_]+(?:(?:\\.[#:]?[A-Za-z0-9_]+)|\\[\\d+\\])*)"
            + "|(?<comparator><>|<=|>=|=|<|>)"
            + "|(?<word>(?i:AND|OR|NOT|BETWEEN|IN)\\b)"
            + "|(?<punctuation>[(),]))");

    private final List<String> tokens;
    private int next;

    private MissingItemCondition(List<String> tokens) {
        this.tokens = tokens;
    }

    static boolean holds(String expression) {
        List<String> tokens = tokenize(expression);
        if (tokens == null || tokens.isEmpty()) {
            return false;
        }
        MissingItemCondition parser = new MissingItemCondition(tokens);
        try {
            boolean value = parser.or();
            return parser.next == tokens.size() && value;
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** Tokens as T (true), F (false), O (an operand), C (a comparator), the words, and punctuation; null if unreadable. */
    private static List<String> tokenize(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        int at = 0;
        while (at < expression.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return expression.substring(at).isBlank() ? tokens : null;
            }
            if (matcher.group("absent") != null) {
                tokens.add("T");
            } else if (matcher.group("predicate") != null) {
                tokens.add("F");
            } else if (matcher.group("operand") != null) {
                tokens.add("O");
            } else if (matcher.group("comparator") != null) {
                tokens.add("C");
            } else if (matcher.group("word") != null) {
                tokens.add(matcher.group("word").toUpperCase(Locale.ROOT));
            } else {
                tokens.add(matcher.group("punctuation"));
            }
            at = matcher.end();
        }
        return tokens;
    }

    private boolean or() {
        boolean value = and();
        while (accept("OR")) {
            value |= and();
        }
        return value;
    }

    private boolean and() {
        boolean value = not();
        while (accept("AND")) {
            value &= not();
        }
        return value;
    }

    private boolean not() {
        return accept("NOT") ? !not() : primary();
    }

    /** A comparison reads an attribute the missing item lacks, so it is false (as is BETWEEN or IN). */
    private boolean primary() {
        if (accept("T")) {
            return true;
        }
        if (accept("F")) {
            return false;
        }
        if (accept("(")) {
            boolean value = or();
            expect(")");
            return value;
        }
        expect("O");
        if (accept("C")) {
            expect("O");
        } else if (accept("BETWEEN")) {
            expect("O");
            expect("AND");
            expect("O");
        } else {
            expect("IN");
            expect("(");
            do {
                expect("O");
            } while (accept(","));
            expect(")");
        }
        return false;
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected " + token);
        }
    }
}
