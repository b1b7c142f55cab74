package kiosk.fulfilment.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A report's day as clients and operators write it: yyyy-MM-dd, a real calendar date. */
final class ReportDate {

    /**
     * ASCII digits only, four of them for the year: the JDK's parser would also take a signed
     * year of five digits or more, and what a client cannot read back is not a date we accept.
     */
    private static final Pattern FORMAT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private ReportDate() {
    }

    /** The date, or empty for anything else (2026-02-30, 2026-1-01, other digits, a thousand characters). */
    static Optional<LocalDate> parse(String text) {
        if (text == null || text.length() != 10 || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // ISO_LOCAL_DATE resolves strictly: February 30th is an error, not March 2nd.
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
