package kiosk.fulfilment.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.NotFoundException;

/** The stored reports as the admin asks for them: one day, or the days of a range. */
public final class ReportService {

    /** About a quarter: the longest range one request reads (one BatchGetItem of at most 100 keys). */
    public static final int MAX_DAYS = 92;

    /** What a range answers: the reports that exist, by date ascending; days never computed are not there. */
    public record ReportList(List<DailyReport> items) {
    }

    private final ReportStore reports;

    public ReportService(ReportStore reports) {
        this.reports = reports;
    }

    public DailyReport get(String date) {
        LocalDate day = ReportDate.parse(date).orElseThrow(() -> new BadRequestException(
                "The date must be a calendar date written yyyy-MM-dd, such as 2026-11-20."));
        return reports.get(day).orElseThrow(() -> new NotFoundException("No report for " + day + "."));
    }

    public ReportList list(Optional<String> from, Optional<String> to) {
        LocalDate first = required("from", from);
        LocalDate last = required("to", to);
        if (last.isBefore(first)) {
            throw new BadRequestException("from must not be after to.");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new BadRequestException("A range covers at most " + MAX_DAYS + " days, from and to included.");
        }
        return new ReportList(reports.getRange(first, last));
    }

    private static LocalDate required(String name, Optional<String> value) {
        return ReportDate.parse(value.orElseThrow(() -> new BadRequestException(
                name + " is required: a calendar date written yyyy-MM-dd."))).orElseThrow(() -> new BadRequestException(
                name + " must be one calendar date written yyyy-MM-dd, such as 2026-11-20."));
    }
}
