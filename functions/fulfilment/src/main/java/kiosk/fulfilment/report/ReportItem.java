package kiosk.fulfilment.report;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.orders.checkout.OrderStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one item layout of the ReportsTable: a report as native maps and numbers (readable in the
 * console), keyed by its date, and the mapping both ways. {@link #COMPUTED_AT} is the item's only
 * attribute the report does not carry: when the last run stored it, for whoever wonders how
 * fresh the statuses are; it is left out of the report so that two runs give equal reports.
 */
final class ReportItem {

    static final String DATE = "date";
    static final String ORDERS = "orders";
    static final String ORDERS_BY_STATUS = "ordersByStatus";
    static final String REVENUE = "revenue";
    static final String REFUNDS = "refunds";
    static final String REFUND_COUNT = "count";
    static final String REFUND_AMOUNT = "amount";
    static final String UNITS_SOLD = "unitsSold";
    static final String TOP_PRODUCTS = "topProducts";
    static final String PRODUCT_ID = "productId";
    static final String NAME = "name";
    static final String UNITS = "units";
    static final String COMPUTED_AT = "computedAt";

    private ReportItem() {
    }

    static Map<String, AttributeValue> key(LocalDate date) {
        return Map.of(DATE, s(date.toString()));
    }

    static Map<String, AttributeValue> toItem(DailyReport report, Instant computedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DATE, s(report.date()));
        item.put(ORDERS, n(report.orders()));
        Map<String, Long> byStatus = new HashMap<>();
        report.ordersByStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        item.put(ORDERS_BY_STATUS, amounts(byStatus));
        item.put(REVENUE, amounts(report.revenue()));
        item.put(REFUNDS, AttributeValue.fromM(Map.of(REFUND_COUNT, n(report.refunds().count()),
                REFUND_AMOUNT, amounts(report.refunds().amount()))));
        item.put(UNITS_SOLD, n(report.unitsSold()));
        item.put(TOP_PRODUCTS, AttributeValue.fromL(report.topProducts().stream().map(p -> AttributeValue.fromM(Map.of(
                PRODUCT_ID, s(p.productId()), NAME, s(p.name()), UNITS, n(p.units()), REVENUE, amounts(p.revenue()))))
                .toList()));
        item.put(COMPUTED_AT, s(computedAt.toString()));
        return item;
    }

    static DailyReport fromItem(Map<String, AttributeValue> item) {
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        amounts(item, ORDERS_BY_STATUS).forEach((status, count) -> byStatus.put(OrderStatus.valueOf(status), count));
        Map<String, AttributeValue> refunds = item.get(REFUNDS).m();
        List<DailyReport.TopProduct> top = item.get(TOP_PRODUCTS).l().stream().map(AttributeValue::m)
                .map(p -> new DailyReport.TopProduct(string(p, PRODUCT_ID), string(p, NAME), number(p, UNITS),
                        amounts(p, REVENUE)))
                .toList();
        return new DailyReport(string(item, DATE), number(item, ORDERS), byStatus, amounts(item, REVENUE),
                new DailyReport.Refunds(number(refunds, REFUND_COUNT), amounts(refunds, REFUND_AMOUNT)),
                number(item, UNITS_SOLD), top);
    }

    private static AttributeValue amounts(Map<String, Long> amounts) {
        Map<String, AttributeValue> m = new HashMap<>();
        amounts.forEach((key, amount) -> m.put(key, n(amount)));
        return AttributeValue.fromM(m);
    }

    private static Map<String, Long> amounts(Map<String, AttributeValue> item, String name) {
        Map<String, Long> out = new HashMap<>();
        item.get(name).m().forEach((key, value) -> out.put(key, Long.parseLong(value.n())));
        return out;
    }
}
