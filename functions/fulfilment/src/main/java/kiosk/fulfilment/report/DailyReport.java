package kiosk.fulfilment.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kiosk.orders.checkout.OrderStatus;

/**
 * One UTC day's sales, as the admin reads it: the orders created that day (yyyy-MM-dd) counted by
 * the status they had when the report was computed, the revenue of those charged and not refunded
 * (minor units per currency), the refunds, the units sold and the ten best sellers. It holds no
 * time of computation, so that computing a day twice over the same orders gives an equal report.
 * Maps keep a stable order (statuses as declared, currencies alphabetical), so equal reports are
 * also written as the same JSON.
 */
public record DailyReport(String date, long orders, Map<OrderStatus, Long> ordersByStatus, Map<String, Long> revenue,
                          Refunds refunds, long unitsSold, List<TopProduct> topProducts) {

    public DailyReport {
        Map<OrderStatus, Long> every = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            every.put(status, ordersByStatus.getOrDefault(status, 0L));
        }
        ordersByStatus = Collections.unmodifiableMap(every);
        revenue = byCurrency(revenue);
        topProducts = List.copyOf(topProducts);
    }

    /** Orders whose charge was given back (a refund recorded on them), and how much, per currency. */
    public record Refunds(long count, Map<String, Long> amount) {

        public Refunds {
            amount = byCurrency(amount);
        }
    }

    /** A best seller: units sold that day and the revenue of its lines (before order discounts), per currency. */
    public record TopProduct(String productId, String name, long units, Map<String, Long> revenue) {

        public TopProduct {
            revenue = byCurrency(revenue);
        }
    }

    static Map<String, Long> byCurrency(Map<String, Long> amounts) {
        return Collections.unmodifiableMap(new TreeMap<>(amounts));
    }
}
