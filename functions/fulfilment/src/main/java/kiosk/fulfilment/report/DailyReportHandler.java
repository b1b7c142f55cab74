package kiosk.fulfilment.report;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * After midnight UTC (a schedule in template.yaml): computes and stores the sales report of the
 * UTC day before the one the schedule fired in (its event's "time"). Invoked with
 * {@code {"date": "yyyy-MM-dd"}} instead, computes that day again: a backfill, or a day whose
 * orders have moved on since. Returns the report, so an invoke shows it.
 */
public final class DailyReportHandler extends EventFunction {

    private final DailyReportJob job;
    private final Clock clock;

    public DailyReportHandler() {
        this(ReportWiring.job(), Clock.systemUTC());
        // A day long past, computed from its (no) orders; storing it is answered from memory while priming.
        SnapStart.prime("DailyReport", () -> prime(Map.of("date", "2000-01-01")));
    }

    public DailyReportHandler(DailyReportJob job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    @Override
    public DailyReport handleRequest(Map<String, Object> event, Context context) {
        try (Log.Scope ignored = Log.invocation(context, null)) {
            return invoke(event, context);
        }
    }

    private DailyReport invoke(Map<String, Object> event, Context context) {
        LocalDate day = day(event == null ? Map.of() : event);
        long started = System.nanoTime();
        DailyReport report = job.run(day, clock.instant());
        Log.info("daily report stored", "date", report.date(), "orders", report.orders(),
                "millis", (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** The day asked for, or the one before the schedule fired; never a day that has not begun. */
    private LocalDate day(Map<String, Object> event) {
        LocalDate day = event.containsKey("date") ? asked(event.get("date")) : dayBefore(event.get("time"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("cannot report " + day + ": the UTC day has not begun (today is " + today
                    + ")");
        }
        return day;
    }

    private static LocalDate asked(Object date) {
        return (date instanceof String text ? ReportDate.parse(text) : Optional.<LocalDate>empty())
                .orElseThrow(() -> new IllegalArgumentException(
                        "\"date\" must be a calendar date written yyyy-MM-dd, such as 2026-11-20"));
    }

    private static LocalDate dayBefore(Object time) {
        try {
            if (time instanceof String text) {
                return LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC).minusDays(1);
            }
        } catch (DateTimeException e) {
            // Answered below, as for no time at all.
        }
        throw new IllegalArgumentException("the event needs a schedule's \"time\" (ISO-8601 UTC) or a \"date\" "
                + "(yyyy-MM-dd) to report");
    }
}
