package kiosk.fulfilment.report;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;

/**
 * Adds up a day's orders, one at a time, into its {@link DailyReport}. Holds a running total per
 * status, currency and product and the ids counted, never the orders: a day of 100,000 orders
 * costs their ids, not their lines and addresses.
 */
final class ReportTally {

    /** Charged and kept: the revenue statuses, unless the order also carries a refund. */
    static final Set<OrderStatus> CHARGED = EnumSet.of(OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.RETURNED);
    static final int TOP = 10;

    /** Most units first, then most revenue (currency by currency, alphabetically), then the id. */
    static final Comparator<DailyReport.TopProduct> BEST_SELLERS = Comparator
            .comparingLong(DailyReport.TopProduct::units).reversed()
            .thenComparing(DailyReport.TopProduct::revenue, ReportTally::moreRevenueFirst)
            .thenComparing(DailyReport.TopProduct::productId);

    private final Set<String> counted = new HashSet<>();
    private final Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
    private final Map<String, Long> revenue = new TreeMap<>();
    private final Map<String, Long> refunded = new TreeMap<>();
    private final Map<String, Sales> products = new HashMap<>();
    private long refunds;
    private long units;

    /**
     * Counts an order once: the same order met again (read under its old status, then under the
     * status it moved to while the day was being read) changes nothing. Returns whether it counted.
     */
    boolean add(Order order) {
        if (!counted.add(order.id())) {
            return false;
        }
        byStatus.merge(order.status(), 1L, Long::sum);
        boolean refund = order.payment() != null && order.payment().refundId() != null;
        if (refund) {
            refunds++;
            refunded.merge(order.currency(), order.totals().total(), Long::sum);
        } else if (CHARGED.contains(order.status())) {
            revenue.merge(order.currency(), order.totals().total(), Long::sum);
            for (Order.Line line : order.lines()) {
                units += line.quantity();
                products.computeIfAbsent(line.productId(), id -> new Sales()).add(order, line);
            }
        }
        return true;
    }

    DailyReport report(String date) {
        List<DailyReport.TopProduct> top = products.entrySet().stream()
                .map(e -> new DailyReport.TopProduct(e.getKey(), e.getValue().name, e.getValue().units,
                        e.getValue().revenue))
                .sorted(BEST_SELLERS).limit(TOP).toList();
        return new DailyReport(date, counted.size(), byStatus, revenue, new DailyReport.Refunds(refunds, refunded),
                units, top);
    }

    static int moreRevenueFirst(Map<String, Long> a, Map<String, Long> b) {
        Set<String> currencies = new TreeSet<>(a.keySet());
        currencies.addAll(b.keySet());
        for (String currency : currencies) {
            int compared = Long.compare(b.getOrDefault(currency, 0L), a.getOrDefault(currency, 0L));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    }

    /** One product's day. Its name is the one on its latest order, so a rename mid-day reads the same every run. */
    private static final class Sales {
        long units;
        final Map<String, Long> revenue = new TreeMap<>();
        String name;
        String nameFrom = "";

        void add(Order order, Order.Line line) {
            units += line.quantity();
            revenue.merge(order.currency(), line.lineTotal().amount(), Long::sum);
            String from = order.createdAt() + "|" + order.id();
            if (from.compareTo(nameFrom) > 0) {
                name = line.name();
                nameFrom = from;
            }
        }
    }
}
