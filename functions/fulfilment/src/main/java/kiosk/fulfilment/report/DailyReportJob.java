package kiosk.fulfilment.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;

/**
 * Computes one UTC day's report from the orders created that day and stores it, replacing the
 * report an earlier run stored: running a day again (the schedule retried, a backfill) gives the
 * same report as long as its orders are as they were.
 */
public final class DailyReportJob {

    private final OrderSource orders;
    private final ReportStore reports;

    public DailyReportJob(OrderSource orders, ReportStore reports) {
        this.orders = orders;
        this.reports = reports;
    }

    public DailyReport run(LocalDate day, Instant now) {
        DailyReport report = compute(day);
        reports.put(report, now);
        return report;
    }

    /**
     * Statuses are read in the order OrderStatus declares them, which is the order of an order's
     * life: every change moves an order to a status read later, so one that changes while the day
     * is read is met again (and counted once, by the tally), never missed.
     */
    DailyReport compute(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        ReportTally tally = new ReportTally();
        for (OrderStatus status : OrderStatus.values()) {
            try (Stream<Order> created = orders.createdBetween(status, from, to)) {
                created.forEach(tally::add);
            }
        }
        return tally.report(day.toString());
    }
}
