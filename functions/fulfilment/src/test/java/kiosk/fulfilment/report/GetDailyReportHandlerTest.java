package kiosk.fulfilment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.List;
import kiosk.shared.json.JsonWriter;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;

class GetDailyReportHandlerTest {

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final GetDailyReportHandler handler = new GetDailyReportHandler(new ReportService(store));

    private APIGatewayV2HTTPResponse get(String date) {
        return handler.handleRequest(ApiEvents.request("GET", "/admin/reports/daily/{date}").path("date", date)
                .caller("admin-1", "admin").build(), null);
    }

    @Test
    void returnsTheStoredReport() {
        // GIVEN
        DailyReport report = ReportStoreContract.report("2026-11-20", 2);
        store.put(report, Instant.parse("2026-11-21T00:15:00Z"));
        // WHEN
        APIGatewayV2HTTPResponse response = get("2026-11-20");
        // THEN
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals(JsonWriter.write(report), response.getBody());
        assertEquals("{\"date\":\"2026-11-20\",\"orders\":3,\"ordersByStatus\":{\"PENDING_PAYMENT\":0,\"PAID\":2,"
                + "\"FULFILLING\":0,\"SHIPPED\":0,\"DELIVERED\":0,\"PAYMENT_FAILED\":0,\"EXPIRED\":0,\"CANCELLING\":0,"
                + "\"CANCELLED\":1,\"RETURNED\":0},\"revenue\":{\"EUR\":995,\"USD\":2000},\"refunds\":{\"count\":1,"
                + "\"amount\":{\"EUR\":2495}},\"unitsSold\":6,\"topProducts\":[{\"productId\":\"p-lamp\",\"name\":"
                + "\"Reading lamp\",\"units\":4,\"revenue\":{\"EUR\":995}},{\"productId\":\"p-cap\",\"name\":\"\","
                + "\"units\":2,\"revenue\":{\"USD\":2000}}]}", response.getBody(), "what the admin reads");
    }

    @Test
    void returns404ForADayWithoutAReport() {
        store.put(ReportStoreContract.report("2026-11-20", 2), Instant.parse("2026-11-21T00:15:00Z"));
        Responses.assertProblem(get("2026-11-19"), 404, "not-found");
        Responses.assertProblem(get("2099-01-01"), 404, "not-found");
    }

    @Test
    void returns400ForAnythingButACalendarDateWithoutEchoingIt() {
        store.put(ReportStoreContract.report("2026-11-20", 2), Instant.parse("2026-11-21T00:15:00Z"));
        for (String bad : List.of("2026-02-29", "2026-11-31", "2026-13-01", "2026-11-2", "20261120", " 2026-11-20",
                "2026-11-20 ", "+2026-11-20", "2026/11/20", "\u0662\u0660\u0662\u0666-\u0661\u0661-\u0662\u0660",
                "\uff12\uff10\uff12\uff16-\uff11\uff11-\uff12\uff10", "2026-11-20,2026-11-21", "<script>" + "x".repeat(50_000),
                "yesterday")) {
            String detail = Responses.assertProblem(get(bad), 400, "bad-request").path("detail").asText();
            assertFalse(detail.contains("<script>") || detail.contains("xxxx"), bad);
        }
    }

    @Test
    void onlyAnAdminReadsReports() {
        store.put(ReportStoreContract.report("2026-11-20", 2), Instant.parse("2026-11-21T00:15:00Z"));
        Responses.assertProblem(handler.handleRequest(ApiEvents.request("GET", "/admin/reports/daily/{date}")
                .path("date", "2026-11-20").caller("shopper-1").build(), null), 403, "forbidden");
        Responses.assertProblem(handler.handleRequest(ApiEvents.request("GET", "/admin/reports/daily/{date}")
                .path("date", "2026-11-20").build(), null), 401, "unauthorized");
        Responses.assertProblem(handler.handleRequest(new APIGatewayV2HTTPEvent(), null), 401, "unauthorized");
    }
}
