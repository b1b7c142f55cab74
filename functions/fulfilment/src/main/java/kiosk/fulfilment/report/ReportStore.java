package kiosk.fulfilment.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The daily reports, one per UTC day. */
public interface ReportStore {

    /** Stores a day's report in place of any earlier one: a rerun's report is the report. */
    void put(DailyReport report, Instant computedAt);

    Optional<DailyReport> get(LocalDate date);

    /** The reports there are for the days from {@code from} to {@code to}, both included, by date ascending. */
    List<DailyReport> getRange(LocalDate from, LocalDate to);
}
