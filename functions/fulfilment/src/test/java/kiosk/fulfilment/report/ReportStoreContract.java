package kiosk.fulfilment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.orders.checkout.OrderStatus;
import org.junit.jupiter.api.Test;

/**
 * What every ReportStore does, run against each implementation: the in-memory fake the handler
 * tests use (InMemoryReportStoreTest) and the DynamoDB store (DynamoDbReportStoreIT), so the fake
 * cannot drift from the real thing.
 */
abstract class ReportStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-21T00:15:00Z");

    /** A store with nothing in it. */
    abstract ReportStore emptyStore();

    /** A report with something in every field, {@code paid} of its orders paid. */
    static DailyReport report(String date, long paid) {
        return new DailyReport(date, paid + 1, Map.of(OrderStatus.PAID, paid, OrderStatus.CANCELLED, 1L),
                Map.of("USD", 1000L * paid, "EUR", 995L), new DailyReport.Refunds(1, Map.of("EUR", 2495L)), 3 * paid,
                List.of(new DailyReport.TopProduct("p-lamp", "Reading lamp", 2 * paid, Map.of("EUR", 995L)),
                        new DailyReport.TopProduct("p-cap", "", paid, Map.of("USD", 1000L * paid))));
    }

    @Test
    void aStoredReportReadsBackFieldForField() {
        ReportStore store = emptyStore();
        DailyReport report = report("2026-11-20", 2);
        store.put(report, NOW);
        assertEquals(Optional.of(report), store.get(LocalDate.parse("2026-11-20")));
    }

    @Test
    void anEmptyDayReadsBackAsStored() {
        ReportStore store = emptyStore();
        DailyReport empty = new DailyReport("2026-11-19", 0, Map.of(), Map.of(), new DailyReport.Refunds(0, Map.of()), 0,
                List.of());
        store.put(empty, NOW);
        assertEquals(Optional.of(empty), store.get(LocalDate.parse("2026-11-19")));
    }

    @Test
    void aRerunReplacesTheDaysReport() {
        ReportStore store = emptyStore();
        store.put(report("2026-11-20", 2), NOW);
        store.put(report("2026-11-20", 5), NOW.plusSeconds(60));
        assertEquals(Optional.of(report("2026-11-20", 5)), store.get(LocalDate.parse("2026-11-20")));
        assertEquals(List.of(report("2026-11-20", 5)), store.getRange(LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-20")));
    }

    @Test
    void aDayWithoutAReportIsEmpty() {
        ReportStore store = emptyStore();
        store.put(report("2026-11-20", 2), NOW);
        assertEquals(Optional.empty(), store.get(LocalDate.parse("2026-11-21")));
    }

    @Test
    void aRangeHasTheReportsThereAreByDateAscending() {
        // GIVEN reports stored out of order, on days spread over more than one batch of 100 keys
        ReportStore store = emptyStore();
        for (String date : List.of("2026-10-05", "2026-06-01", "2026-09-09", "2026-09-08", "2026-05-31", "2026-10-06")) {
            store.put(report(date, 1), NOW);
        }
        // WHEN from 2026-06-01 to 2026-10-05 (127 days)
        List<DailyReport> range = store.getRange(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-10-05"));
        // THEN the four inside, ascending; the days before and after are not in it
        assertEquals(List.of("2026-06-01", "2026-09-08", "2026-09-09", "2026-10-05"),
                range.stream().map(DailyReport::date).toList());
        assertEquals(report("2026-09-08", 1), range.get(1));
        assertEquals(List.of(), store.getRange(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-31")));
    }
}
