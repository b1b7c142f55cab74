package kiosk.accounts.user;

import java.util.Locale;
import java.util.regex.Pattern;

/** The one normalization of an email address, used by signup, login and the admin bootstrap. */
public final class Emails {

    public static final int MAX_LENGTH = 254;
    /**
     * The common dot-atom form of RFC 5322 in ASCII, with a dotted domain: quoted local parts and
     * address literals are legal but never seen from real sign-ups, and each is an injection shape.
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]{1,64})*"
                    + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private Emails() {
    }

    /** Trimmed and lower-cased, so "Ann@Example.com " and "ann@example.com" are one account. */
    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether an already normalized address is one we accept. */
    public static boolean valid(String normalized) {
        return normalized != null && normalized.length() <= MAX_LENGTH && normalized.indexOf('@') <= 64
                && ADDRESS.matcher(normalized).matches();
    }
}
