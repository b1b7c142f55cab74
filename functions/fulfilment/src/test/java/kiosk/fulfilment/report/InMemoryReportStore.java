package kiosk.fulfilment.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The fake of the handler tests; ReportStoreContract keeps it honest against DynamoDbReportStore. */
final class InMemoryReportStore implements ReportStore {

    private final ConcurrentSkipListMap<LocalDate, DailyReport> reports = new ConcurrentSkipListMap<>();
    private final Map<LocalDate, Instant> computedAt = new ConcurrentSkipListMap<>();

    @Override
    public void put(DailyReport report, Instant when) {
        reports.put(LocalDate.parse(report.date()), report);
        computedAt.put(LocalDate.parse(report.date()), when);
    }

    @Override
    public Optional<DailyReport> get(LocalDate date) {
        return Optional.ofNullable(reports.get(date));
    }

    @Override
    public List<DailyReport> getRange(LocalDate from, LocalDate to) {
        return List.copyOf(reports.subMap(from, true, to, true).values());
    }
}
