package kiosk.local.events;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions: {@code rate(5 minutes)} and the six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)}, with *, ?, lists, ranges,
 * steps, month and day names, L (last day of the month, or the last given weekday), W (nearest
 * weekday) and # (nth weekday). Day-of-week counts 1 = SUN to 7 = SAT, as AWS does.
 */
public final class ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minutes?|hours?|days?)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final Duration rate;
    private final String[] cron;
    private final ZoneId zone;

    private ScheduleExpression(Duration rate, String[] cron, ZoneId zone) {
        this.rate = rate;
        this.cron = cron;
        this.zone = zone;
    }

    public static ScheduleExpression parse(String expression, String timezone) {
        String text = expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            if (amount < 1) {
                throw new IllegalArgumentException("a rate must be at least 1: " + expression);
            }
            ChronoUnit unit = rate.group(2).startsWith("minute") ? ChronoUnit.MINUTES
                    : rate.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
            return new ScheduleExpression(Duration.of(amount, unit), null, ZoneId.of("UTC"));
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().toUpperCase(Locale.ROOT).split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron() takes six fields (minutes hours day-of-month month day-of-week year): " + expression);
            }
            if (!fields[2].equals("?") && !fields[4].equals("?")) {
                throw new IllegalArgumentException("cron(): one of day-of-month and day-of-week must be '?': " + expression);
            }
            ScheduleExpression parsed = new ScheduleExpression(null, fields, ZoneId.of(timezone));
            parsed.next(ZonedDateTime.now(parsed.zone));
            return parsed;
        }
        throw new IllegalArgumentException("not an EventBridge schedule expression: " + expression);
    }

    /** For a rate, its period; null for a cron expression. */
    public Duration rate() {
        return rate;
    }

    /** The first time strictly after {@code after} that a cron expression fires. */
    public ZonedDateTime next(ZonedDateTime after) {
        if (rate != null) {
            return after.plus(rate);
        }
        ZonedDateTime t = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!matches(cron[5], t.getYear(), 1970, 2199, null) || !matches(cron[3], t.getMonthValue(), 1, 12, MONTHS)) {
                t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).withHour(0).withMinute(0);
                continue;
            }
            if (!matches(cron[1], t.getHour(), 0, 23, null)) {
                t = t.plusHours(1).withMinute(0);
                continue;
            }
            if (!matches(cron[0], t.getMinute(), 0, 59, null)) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalArgumentException("cron(" + String.join(" ", cron) + ") never fires in the next five years");
    }

    private boolean dayMatches(ZonedDateTime t) {
        String dom = cron[2];
        String dow = cron[4];
        if (!dom.equals("?")) {
            int last = t.toLocalDate().lengthOfMonth();
            if (dom.equals("L")) {
                return t.getDayOfMonth() == last;
            }
            if (dom.endsWith("W")) {
                int wanted = Integer.parseInt(dom.substring(0, dom.length() - 1));
                return t.getDayOfMonth() == nearestWeekday(t, Math.min(wanted, last));
            }
            return matches(dom, t.getDayOfMonth(), 1, 31, null);
        }
        int day = t.getDayOfWeek().getValue() % 7 + 1;
        if (dow.contains("#")) {
            String[] parts = dow.split("#");
            int wanted = value(parts[0], DAYS, 1);
            int nth = Integer.parseInt(parts[1]);
            return day == wanted && (t.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        if (dow.endsWith("L") && dow.length() > 1) {
            int wanted = value(dow.substring(0, dow.length() - 1), DAYS, 1);
            return day == wanted && t.plusWeeks(1).getMonthValue() != t.getMonthValue();
        }
        return matches(dow, day, 1, 7, DAYS);
    }

    private static int nearestWeekday(ZonedDateTime t, int dayOfMonth) {
        ZonedDateTime day = t.withDayOfMonth(dayOfMonth);
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            return dayOfMonth == 1 ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).getDayOfMonth() : dayOfMonth - 1;
        }
        if (weekday == DayOfWeek.SUNDAY) {
            return dayOfMonth == t.toLocalDate().lengthOfMonth() ? dayOfMonth - 2 : dayOfMonth + 1;
        }
        return dayOfMonth;
    }

    /** One field: *, ?, a list of values, ranges and steps (a-b/n, * /n, a/n). */
    private static boolean matches(String field, int value, int min, int max, String[] names) {
        if (field.equals("*") || field.equals("?")) {
            return true;
        }
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = value(ends[0], names, min);
                to = value(ends[1], names, min);
            } else {
                from = value(range, names, min);
                to = slash >= 0 ? max : from;
            }
            if (from <= to ? value >= from && value <= to && (value - from) % step == 0
                    : (value >= from || value <= to) && Math.floorMod(value - from, max - min + 1) % step == 0) {
                return true;
            }
        }
        return false;
    }

    private static int value(String text, String[] names, int base) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return i + base;
                }
            }
        }
        return Integer.parseInt(text);
    }

    @Override
    public String toString() {
        return rate != null ? "every " + rate : "cron(" + String.join(" ", cron) + ") " + zone;
    }
}
