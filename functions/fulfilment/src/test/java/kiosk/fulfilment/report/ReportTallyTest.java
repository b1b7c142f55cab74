package kiosk.fulfilment.report;

import static kiosk.fulfilment.report.OrderFixtures.line;
import static kiosk.fulfilment.report.OrderFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import org.junit.jupiter.api.Test;

/** The arithmetic of a report, over orders in memory. */
class ReportTallyTest {

    private static final String DAY = "2026-11-20T";

    @Test
    void anOrderMetTwiceIsCountedOnce() {
        // GIVEN an order read as PAID, then again as FULFILLING after it moved while the day was read
        Order paid = order("o-1", OrderStatus.PAID, DAY + "09:00:00.000Z", 0, 0, null, line("p-1", "Lamp", 1500, 2, "EUR"));
        Order moved = order("o-1", OrderStatus.FULFILLING, DAY + "09:00:00.000Z", 0, 0, null,
                line("p-1", "Lamp", 1500, 2, "EUR"));
        ReportTally tally = new ReportTally();
        // WHEN
        assertTrue(tally.add(paid));
        assertFalse(tally.add(moved));
        DailyReport report = tally.report("2026-11-20");
        // THEN
        assertEquals(1, report.orders());
        assertEquals(1L, report.ordersByStatus().get(OrderStatus.PAID));
        assertEquals(0L, report.ordersByStatus().get(OrderStatus.FULFILLING));
        assertEquals(Map.of("EUR", 3000L), report.revenue());
        assertEquals(2, report.unitsSold());
    }

    @Test
    void anEmptyDayHasEveryStatusAtZeroAndNothingElse() {
        DailyReport report = new ReportTally().report("2026-11-20");
        assertEquals(List.of(OrderStatus.values()), List.copyOf(report.ordersByStatus().keySet()), "every status, as declared");
        assertTrue(report.ordersByStatus().values().stream().allMatch(count -> count == 0));
        assertEquals(new DailyReport("2026-11-20", 0, Map.of(), Map.of(), new DailyReport.Refunds(0, Map.of()), 0,
                List.of()), report);
    }

    @Test
    void aProductIsNamedAsOnItsLatestOrderWhateverOrderTheyAreReadIn() {
        Order before = order("o-1", OrderStatus.PAID, DAY + "09:00:00.000Z", 0, 0, null, line("p-1", "Lamp", 100, 1, "EUR"));
        Order after = order("o-2", OrderStatus.PAID, DAY + "17:00:00.000Z", 0, 0, null,
                line("p-1", "Reading lamp", 100, 1, "EUR"));
        for (List<Order> readIn : List.of(List.of(before, after), List.of(after, before))) {
            ReportTally tally = new ReportTally();
            readIn.forEach(tally::add);
            assertEquals("Reading lamp", tally.report("2026-11-20").topProducts().get(0).name());
        }
    }

    @Test
    void revenueDecidesATieOfUnitsCurrencyByCurrencyThenTheProductId() {
        ReportTally tally = new ReportTally();
        tally.add(order("o-1", OrderStatus.PAID, DAY + "09:00:00.000Z", 0, 0, null, line("p-usd", "Cap", 900, 2, "USD")));
        tally.add(order("o-2", OrderStatus.PAID, DAY + "09:01:00.000Z", 0, 0, null, line("p-eur", "Mug", 100, 2, "EUR")));
        tally.add(order("o-3", OrderStatus.PAID, DAY + "09:02:00.000Z", 0, 0, null, line("p-b", "B", 300, 2, "USD")));
        tally.add(order("o-4", OrderStatus.PAID, DAY + "09:03:00.000Z", 0, 0, null, line("p-a", "A", 300, 2, "USD")));
        // EUR is compared first: any EUR beats none; then USD, most first; a full tie goes by id.
        assertEquals(List.of("p-eur", "p-usd", "p-a", "p-b"),
                tally.report("2026-11-20").topProducts().stream().map(DailyReport.TopProduct::productId).toList());
    }

    /**
     * DailyReportJob reads the statuses in their declared order and relies on every change of an
     * order going to a status declared later (so that one moving mid-read is met again, never
     * missed): the transitions the orders, payment and shipping code make.
     */
    @Test
    void everyTransitionOfAnOrderGoesToAStatusDeclaredLater() {
        Map<OrderStatus, List<OrderStatus>> transitions = Map.of(
                OrderStatus.PENDING_PAYMENT, List.of(OrderStatus.PAID, OrderStatus.PAYMENT_FAILED, OrderStatus.EXPIRED,
                        OrderStatus.CANCELLED),
                OrderStatus.PAID, List.of(OrderStatus.FULFILLING, OrderStatus.CANCELLING),
                OrderStatus.FULFILLING, List.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.RETURNED),
                OrderStatus.SHIPPED, List.of(OrderStatus.DELIVERED, OrderStatus.RETURNED),
                OrderStatus.DELIVERED, List.of(OrderStatus.RETURNED),
                OrderStatus.CANCELLING, List.of(OrderStatus.CANCELLED));
        transitions.forEach((from, tos) -> tos.forEach(to -> assertTrue(to.ordinal() > from.ordinal(), from + " -> " + to)));
    }
}
