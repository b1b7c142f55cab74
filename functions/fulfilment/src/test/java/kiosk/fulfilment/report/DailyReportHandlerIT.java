package kiosk.fulfilment.report;

import static kiosk.fulfilment.report.OrderFixtures.line;
import static kiosk.fulfilment.report.OrderFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.emulator.LocalAws;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.Timestamps;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The report job end to end against DynamoDB Local: orders in a copy of the OrdersTable, read
 * through DynamoDbOrderStore's ByStatus query, the report stored in a copy of the ReportsTable and
 * read back through the admin's route. The clock is 2026-11-21T10:00Z.
 */
@ExtendWith(LocalAwsExtension.class)
class DailyReportHandlerIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final String DAY = "2026-11-20T";

    private final LocalAws aws;
    private final String ordersTable;
    private final OrderFixtures fixtures;
    private final DynamoDbOrderStore orders;
    private final DynamoDbReportStore reports;
    private final DailyReportHandler handler;

    DailyReportHandlerIT(LocalAws aws) {
        this.aws = aws;
        this.ordersTable = aws.freshTable("OrdersTable");
        this.fixtures = new OrderFixtures(aws.dynamoDb(), ordersTable);
        this.orders = new DynamoDbOrderStore(aws.dynamoDb(),
                new DynamoDbOrderStore.Tables(ordersTable, "", "", "", ""));
        this.reports = new DynamoDbReportStore(aws.dynamoDb(), aws.freshTable("ReportsTable"));
        this.handler = new DailyReportHandler(new DailyReportJob(orders::createdBetween, reports), CLOCK);
    }

    private static Map<String, Object> firedAt(String time) {
        return Map.of("version", "0", "detail-type", "Scheduled Event", "source", "aws.events", "time", time,
                "resources", List.of("arn:aws:events:eu-west-1:123456789012:rule/daily-sales-report"),
                "detail", Map.of());
    }

    private APIGatewayV2HTTPResponse getReport(String date) {
        return new GetDailyReportHandler(new ReportService(reports)).handleRequest(ApiEvents.request("GET",
                "/admin/reports/daily/{date}").path("date", date).caller("admin-1", "admin").build(), null);
    }

    private static Order.Line eur(String product, long unitPrice, int quantity) {
        return line("p-" + product, Character.toUpperCase(product.charAt(0)) + product.substring(1), unitPrice, quantity,
                "EUR");
    }

    private static Order.Line usd(String product, long unitPrice, int quantity) {
        return line("p-" + product, Character.toUpperCase(product.charAt(0)) + product.substring(1), unitPrice, quantity,
                "USD");
    }

    /** A day in every status and two currencies, and an order either side of it at the boundaries. */
    private void givenTheOrdersOfTheTwentiethAndTheDaysAround() {
        fixtures.put(
                order("e1", OrderStatus.PAID, DAY + "00:00:00.000Z", 0, 495, null, eur("lamp", 1500, 2)),
                order("e2", OrderStatus.FULFILLING, DAY + "08:00:00.000Z", 0, 0, null, eur("mug", 800, 3)),
                order("e3", OrderStatus.SHIPPED, DAY + "09:00:00.000Z", 300, 495, null, eur("lamp", 1500, 1),
                        eur("mug", 800, 1)),
                order("e4", OrderStatus.DELIVERED, DAY + "10:00:00.000Z", 0, 0, null, eur("desk", 25000, 1)),
                order("e5", OrderStatus.RETURNED, DAY + "11:00:00.000Z", 0, 0, null, eur("chair", 9900, 1)),
                order("e6", OrderStatus.CANCELLED, DAY + "12:00:00.000Z", 0, 495, "re_1", eur("lamp", 1500, 4)),
                order("e7", OrderStatus.PENDING_PAYMENT, DAY + "13:00:00.000Z", 0, 495, null, eur("lamp", 1500, 1)),
                order("e8", OrderStatus.PAYMENT_FAILED, DAY + "14:00:00.000Z", 0, 495, null, eur("mug", 800, 2)),
                order("e9", OrderStatus.EXPIRED, DAY + "15:00:00.000Z", 0, 495, "re_2", eur("mug", 800, 1)),
                order("e10", OrderStatus.CANCELLING, DAY + "16:00:00.000Z", 0, 495, null, eur("lamp", 1500, 1)),
                order("e11", OrderStatus.DELIVERED, DAY + "23:59:59.999Z", 0, 0, null, eur("desk", 25000, 1)),
                order("u1", OrderStatus.PAID, DAY + "12:30:00.000Z", 0, 600, null, usd("lamp", 1700, 2)),
                order("u2", OrderStatus.SHIPPED, DAY + "17:00:00.000Z", 0, 0, null, usd("cap", 1200, 5)),
                order("u3", OrderStatus.CANCELLED, DAY + "18:00:00.000Z", 0, 600, "re_3", usd("cap", 1200, 1)),
                order("before", OrderStatus.PAID, "2026-11-19T23:59:59.999Z", 0, 0, null, eur("lamp", 1500, 10)),
                order("after", OrderStatus.PAID, "2026-11-21T00:00:00.000Z", 0, 0, null, eur("lamp", 1500, 10)));
    }

    @Test
    void theFixturesAreOrdersAsTheOrderStoreReadsThem() {
        Order refunded = order("f1", OrderStatus.CANCELLED, DAY + "12:00:00.000Z", 300, 495, "re_9",
                line("p-lamp", "Lamp", 1500, 2, "EUR"), line("p-mug", "Mug", 800, 1, "EUR"));
        Order pending = order("f2", OrderStatus.PENDING_PAYMENT, DAY + "13:00:00.000Z", 0, 0, null,
                line("p-cap", "Cap", 1200, 1, "USD"));
        fixtures.put(refunded, pending);
        assertEquals(Optional.of(refunded), orders.find("f1"));
        assertEquals(Optional.of(pending), orders.find("f2"));
    }

    @Test
    void reportsTheDayBeforeTheScheduleFiredWithExactFigures() {
        // GIVEN
        givenTheOrdersOfTheTwentiethAndTheDaysAround();
        // WHEN the schedule fires a quarter past midnight
        DailyReport report = handler.handleRequest(firedAt("2026-11-21T00:15:00Z"), null);
        // THEN the 20th: its 14 orders, not the one a millisecond before it nor the one at midnight after it
        assertEquals("2026-11-20", report.date());
        assertEquals(14, report.orders());
        Map<OrderStatus, Long> byStatus = Map.of(OrderStatus.PENDING_PAYMENT, 1L, OrderStatus.PAID, 2L,
                OrderStatus.FULFILLING, 1L, OrderStatus.SHIPPED, 2L, OrderStatus.DELIVERED, 2L, OrderStatus.PAYMENT_FAILED, 1L,
                OrderStatus.EXPIRED, 1L, OrderStatus.CANCELLING, 1L, OrderStatus.CANCELLED, 2L, OrderStatus.RETURNED, 1L);
        assertEquals(byStatus, report.ordersByStatus());
        // e1 3495 + e2 2400 + e3 2495 + e4 25000 + e5 9900 + e11 25000; u1 4000 + u2 6000
        assertEquals(Map.of("EUR", 68_290L, "USD", 10_000L), report.revenue());
        // e6 6495 + e9 1295; u3 1800
        assertEquals(new DailyReport.Refunds(3, Map.of("EUR", 7_790L, "USD", 1_800L)), report.refunds());
        assertEquals(17, report.unitsSold());
        assertEquals(List.of(
                new DailyReport.TopProduct("p-lamp", "Lamp", 5, Map.of("EUR", 4_500L, "USD", 3_400L)),
                new DailyReport.TopProduct("p-cap", "Cap", 5, Map.of("USD", 6_000L)),
                new DailyReport.TopProduct("p-mug", "Mug", 4, Map.of("EUR", 3_200L)),
                new DailyReport.TopProduct("p-desk", "Desk", 2, Map.of("EUR", 50_000L)),
                new DailyReport.TopProduct("p-chair", "Chair", 1, Map.of("EUR", 9_900L))), report.topProducts());
        // AND it is stored, as the admin's route answers it
        assertEquals(Optional.of(report), reports.get(LocalDate.parse("2026-11-20")));
        assertEquals(200, getReport("2026-11-20").getStatusCode());
    }

    @Test
    void theTopTenAreTheBestSellersByUnitsThenRevenueThenId() {
        // GIVEN twelve products sold on the 20th, with a tie of units and one of units and revenue
        List<Order> sold = new ArrayList<>();
        int[] units = {12, 11, 10, 9, 8};
        for (int i = 0; i < units.length; i++) {
            sold.add(order("t" + i, OrderStatus.PAID, DAY + "09:0" + i + ":00.000Z", 0, 0, null,
                    line("p-0" + i, "Product " + i, 100, units[i], "EUR")));
        }
        sold.add(order("t-cheap", OrderStatus.PAID, DAY + "10:00:00.000Z", 0, 0, null, eur("cheap", 100, 7)));
        sold.add(order("t-dear", OrderStatus.DELIVERED, DAY + "10:01:00.000Z", 0, 0, null, eur("dear", 200, 7)));
        sold.add(order("t-beta", OrderStatus.SHIPPED, DAY + "10:02:00.000Z", 0, 0, null, eur("beta", 100, 6)));
        sold.add(order("t-alpha", OrderStatus.PAID, DAY + "10:03:00.000Z", 0, 0, null, eur("alpha", 100, 6)));
        sold.add(order("t-five", OrderStatus.PAID, DAY + "10:04:00.000Z", 0, 0, null, eur("five", 100, 5)));
        sold.add(order("t-four", OrderStatus.PAID, DAY + "10:05:00.000Z", 0, 0, null, eur("four", 100, 4)));
        sold.add(order("t-three", OrderStatus.PAID, DAY + "10:06:00.000Z", 0, 0, null, eur("three", 100, 3)));
        // Not sold: awaiting payment, and refunded
        sold.add(order("t-unpaid", OrderStatus.PENDING_PAYMENT, DAY + "11:00:00.000Z", 0, 0, null,
                line("p-unpaid", "Unpaid", 100, 99, "EUR")));
        sold.add(order("t-refunded", OrderStatus.CANCELLED, DAY + "11:01:00.000Z", 0, 0, "re_1",
                line("p-refunded", "Refunded", 100, 98, "EUR")));
        fixtures.put(sold);
        // WHEN
        DailyReport report = handler.handleRequest(Map.of("date", "2026-11-20"), null);
        // THEN
        assertEquals(List.of("p-00:12", "p-01:11", "p-02:10", "p-03:9", "p-04:8", "p-dear:7", "p-cheap:7", "p-alpha:6",
                        "p-beta:6", "p-five:5"),
                report.topProducts().stream().map(p -> p.productId() + ":" + p.units()).toList());
        assertEquals(Map.of("EUR", 1_400L), report.topProducts().get(5).revenue());
        assertEquals(12 + 11 + 10 + 9 + 8 + 7 + 7 + 6 + 6 + 5 + 4 + 3, report.unitsSold(),
                "units of every product sold, not only the ten");
    }

    @Test
    void countsEveryOrderOfABusyDayPastOneQueryPage() {
        // GIVEN 1,200 paid orders on the 17th, of about 1 KB each
        List<Order> busy = new ArrayList<>();
        String name = "Lamp with a long description ".repeat(35);
        Instant start = Instant.parse("2026-11-17T00:00:00Z");
        for (int i = 0; i < 1_200; i++) {
            busy.add(order(String.format("busy-%04d", i), OrderStatus.PAID, Timestamps.of(start.plusSeconds(60L * i)), 0, 0,
                    null, line("p-busy", name, 100, i % 3 + 1, "EUR")));
        }
        fixtures.put(busy);
        var onePage = aws.dynamoDb().query(b -> b.tableName(ordersTable).indexName("ByStatus")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PAID"))));
        assertTrue(onePage.count() < 1_200 && onePage.hasLastEvaluatedKey(), "they take more than one page: "
                + onePage.count());
        // WHEN
        DailyReport report = handler.handleRequest(Map.of("date", "2026-11-17"), null);
        // THEN every one: 400 orders each of 1, 2 and 3 units
        assertEquals(1_200, report.orders());
        assertEquals(1_200L, report.ordersByStatus().get(OrderStatus.PAID));
        assertEquals(2_400, report.unitsSold());
        assertEquals(Map.of("EUR", 240_000L), report.revenue());
        assertEquals(List.of(new DailyReport.TopProduct("p-busy", name, 2_400, Map.of("EUR", 240_000L))),
                report.topProducts());
    }

    @Test
    void runningADayTwiceStoresAndAnswersTheSameReport() {
        // GIVEN the 20th reported once
        givenTheOrdersOfTheTwentiethAndTheDaysAround();
        DailyReport first = handler.handleRequest(firedAt("2026-11-21T00:15:00Z"), null);
        String firstBody = getReport("2026-11-20").getBody();
        // WHEN the schedule's retry runs it again, later
        DailyReport second = new DailyReportHandler(new DailyReportJob(orders::createdBetween, reports),
                Clock.offset(CLOCK, Duration.ofHours(3))).handleRequest(firedAt("2026-11-21T00:15:00Z"), null);
        // THEN
        assertEquals(first, second);
        assertEquals(firstBody, getReport("2026-11-20").getBody());
        assertFalse(firstBody.contains("computedAt"), "the time of the run is the item's, not the report's");
        assertEquals(List.of(first), reports.getRange(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-21")));
    }

    @Test
    void aRerunAfterOrdersChangedReplacesTheReport() {
        // GIVEN the 20th reported, and then a refund recorded on its paid USD order
        givenTheOrdersOfTheTwentiethAndTheDaysAround();
        DailyReport before = handler.handleRequest(Map.of("date", "2026-11-20"), null);
        orders.recordRefund("u1", "ch_u1", "re_4", "cancelled");
        // WHEN
        DailyReport after = handler.handleRequest(Map.of("date", "2026-11-20"), null);
        // THEN
        assertNotEquals(before, after);
        assertEquals(Map.of("EUR", 68_290L, "USD", 6_000L), after.revenue());
        assertEquals(new DailyReport.Refunds(4, Map.of("EUR", 7_790L, "USD", 5_800L)), after.refunds());
        assertEquals(15, after.unitsSold());
        assertEquals(Optional.of(after), reports.get(LocalDate.parse("2026-11-20")));
    }

    @Test
    void theScheduleReportsTheUtcDayBeforeTheOneItFiredIn() {
        givenTheOrdersOfTheTwentiethAndTheDaysAround();
        Map<String, String> fired = new HashMap<>();
        for (String time : List.of("2026-11-21T00:00:00Z", "2026-11-21T00:15:00Z", "2026-11-21T09:59:59Z")) {
            fired.put(time, handler.handleRequest(firedAt(time), null).date());
        }
        assertEquals(Map.of("2026-11-21T00:00:00Z", "2026-11-20", "2026-11-21T00:15:00Z", "2026-11-20",
                "2026-11-21T09:59:59Z", "2026-11-20"), fired);
        assertEquals("2026-11-19", handler.handleRequest(firedAt("2026-11-20T23:59:59Z"), null).date());
    }

    @Test
    void aDateInTheEventIsComputedAgainUpToToday() {
        // GIVEN
        givenTheOrdersOfTheTwentiethAndTheDaysAround();
        // WHEN the 19th and today are asked for
        DailyReport nineteenth = handler.handleRequest(Map.of("date", "2026-11-19"), null);
        DailyReport today = handler.handleRequest(Map.of("date", "2026-11-21"), null);
        // THEN each has the order of its own day
        assertEquals(1, nineteenth.orders());
        assertEquals(10, nineteenth.unitsSold());
        assertEquals(Map.of("EUR", 15_000L), nineteenth.revenue());
        assertEquals(1, today.orders());
        assertEquals(List.of(nineteenth, today), reports.getRange(LocalDate.parse("2026-11-19"),
                LocalDate.parse("2026-11-21")));
    }

    @Test
    void refusesADayThatIsNotAPastOrTodaysUtcDate() {
        List<Map<String, Object>> refused = List.of(Map.of("date", "2026-11-22"), Map.of("date", "2026-11-31"),
                Map.of("date", "2026-11-2"), Map.of("date", "20261120"), Map.of("date", "+2026-11-20"),
                Map.of("date", "\u0662\u0660\u0662\u0666-\u0661\u0661-\u0662\u0660"), Map.of("date", 20261120),
                Map.of("date", ""), Map.of("date", "2026-11-20".repeat(10_000)), Map.of(), Map.of("time", "yesterday"),
                Map.of("time", 1_795_000_000), firedAt("2026-11-23T00:15:00Z"), firedAt("+1000000000-12-31T23:59:59Z"));
        for (Map<String, Object> event : refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(event, null),
                    event.toString());
            assertFalse(e.getMessage().isBlank());
        }
        assertEquals(List.of(), reports.getRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")),
                "nothing stored");
    }
}
