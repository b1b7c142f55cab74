package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.ZonedDateTime;
import kiosk.local.events.ScheduleExpression;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    private static final ZonedDateTime SAT_21_NOV_2026_1005 = ZonedDateTime.parse("2026-11-21T10:05:30Z");

    private static String next(String expression) {
        return ScheduleExpression.parse(expression, "UTC").next(SAT_21_NOV_2026_1005).toOffsetDateTime().toString();
    }

    @Test
    void rates() {
        assertEquals(Duration.ofMinutes(5), ScheduleExpression.parse("rate(5 minutes)", "UTC").rate());
        assertEquals(Duration.ofHours(1), ScheduleExpression.parse("rate(1 hour)", "UTC").rate());
        assertEquals(Duration.ofDays(2), ScheduleExpression.parse("rate(2 days)", "UTC").rate());
    }

    @Test
    void cronFields() {
        assertEquals("2026-11-22T03:00Z", next("cron(0 3 * * ? *)"));
        assertEquals("2026-11-21T10:15Z", next("cron(0/15 * * * ? *)"));
        assertEquals("2026-11-23T09:00Z", next("cron(0 9 ? * MON-FRI *)"), "Saturday: the next weekday is Monday");
        assertEquals("2026-11-22T12:00Z", next("cron(0 12 ? * 1 *)"), "1 is Sunday");
        assertEquals("2026-11-30T00:00Z", next("cron(0 0 L * ? *)"), "the last day of November");
        assertEquals("2026-12-11T08:00Z", next("cron(0 8 ? * 6#2 *)"), "the second Friday of December");
        assertEquals("2026-11-27T18:00Z", next("cron(0 18 ? * 6L *)"), "the last Friday of November");
        assertEquals("2027-01-01T00:00Z", next("cron(0 0 1 JAN ? *)"));
        assertEquals("2026-12-01T10:30Z", next("cron(30 10 1W * ? *)"), "Dec 1 2026 is a Tuesday");
        assertEquals("2026-11-21T11:00Z", next("cron(0 8-18/3 * * ? *)"));
    }

    @Test
    void timezones() {
        assertEquals("2026-11-22T02:00Z", ScheduleExpression.parse("cron(0 3 * * ? *)", "Europe/Paris")
                .next(SAT_21_NOV_2026_1005).toOffsetDateTime().withOffsetSameInstant(java.time.ZoneOffset.UTC).toString());
    }

    @Test
    void refusals() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)", "UTC"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 3 * * *)", "UTC"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 3 1 * MON *)", "UTC"));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("every day", "UTC"));
    }
}
