package kiosk.fulfilment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiosk.shared.json.JsonWriter;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListDailyReportsHandlerTest {

    private final InMemoryReportStore store = new InMemoryReportStore();
    private final ListDailyReportsHandler handler = new ListDailyReportsHandler(new ReportService(store));

    @BeforeEach
    void givenReportsOnSomeDays() {
        for (String date : List.of("2026-11-20", "2026-11-02", "2026-11-15", "2026-08-21", "2026-08-20")) {
            store.put(ReportStoreContract.report(date, LocalDate.parse(date).getDayOfMonth()), Instant.parse("2026-11-21T00:15:00Z"));
        }
    }

    private APIGatewayV2HTTPResponse list(Map<String, String> query) {
        ApiEvents request = ApiEvents.request("GET", "/admin/reports/daily").caller("admin-1", "admin");
        query.forEach(request::query);
        return handler.handleRequest(request.build(), null);
    }

    private static List<String> dates(APIGatewayV2HTTPResponse response) {
        assertEquals(200, response.getStatusCode(), response::getBody);
        List<String> dates = new ArrayList<>();
        Responses.body(response).path("items").forEach(item -> dates.add(item.path("date").asText()));
        return dates;
    }

    @Test
    void answersTheReportsOfTheRangeThatExistByDateAscending() {
        APIGatewayV2HTTPResponse response = list(Map.of("from", "2026-11-01", "to", "2026-11-20"));
        assertEquals(List.of("2026-11-02", "2026-11-15", "2026-11-20"), dates(response));
        JsonNode first = Responses.body(response).path("items").get(0);
        assertEquals(JsonWriter.write(ReportStoreContract.report("2026-11-02", 2)), first.toString(), "each report whole");
    }

    @Test
    void aRangeOfOneDayAndARangeWithoutReportsAreAnswered() {
        assertEquals(List.of("2026-11-15"), dates(list(Map.of("from", "2026-11-15", "to", "2026-11-15"))));
        APIGatewayV2HTTPResponse none = list(Map.of("from", "2026-11-16", "to", "2026-11-19"));
        assertEquals(List.of(), dates(none));
        assertEquals("{\"items\":[]}", none.getBody());
    }

    @Test
    void aRangeCoversAtMost92Days() {
        // 2026-08-21..2026-11-20 is 92 days, both ends included; one day more is refused.
        assertEquals(List.of("2026-08-21", "2026-11-02", "2026-11-15", "2026-11-20"),
                dates(list(Map.of("from", "2026-08-21", "to", "2026-11-20"))));
        Responses.assertProblem(list(Map.of("from", "2026-08-20", "to", "2026-11-20")), 400, "bad-request");
        Responses.assertProblem(list(Map.of("from", "0001-01-01", "to", "9999-12-31")), 400, "bad-request");
    }

    @Test
    void refusesAMissingBackwardsOrMalformedRangeWith400() {
        List<Map<String, String>> bad = List.of(Map.of(), Map.of("from", "2026-11-01"), Map.of("to", "2026-11-20"),
                Map.of("from", "", "to", "2026-11-20"),
                Map.of("from", "2026-11-20", "to", "2026-11-01"),
                // API Gateway joins a repeated parameter with commas.
                Map.of("from", "2026-11-01,2026-11-02", "to", "2026-11-20"),
                Map.of("from", "2026-11-01", "to", "2026-11-31"),
                Map.of("from", "2026-02-29", "to", "2026-03-01"),
                Map.of("from", "\u0662\u0660\u0662\u0666-\u0661\u0661-\u0660\u0661", "to", "2026-11-20"),
                Map.of("from", "2026-11-01", "to", "2026-11-20".repeat(50_000)),
                Map.of("from", "-2026-11-01", "to", "2026-11-20"),
                Map.of("from", "+10000-01-01", "to", "+10000-01-02"));
        for (Map<String, String> query : bad) {
            String detail = Responses.assertProblem(list(query), 400, "bad-request").path("detail").asText();
            assertEquals(-1, detail.indexOf("2026-11-202026"), "no echo of what was sent");
        }
    }

    @Test
    void onlyAnAdminListsReports() {
        Responses.assertProblem(handler.handleRequest(ApiEvents.request("GET", "/admin/reports/daily")
                .query("from", "2026-11-01").query("to", "2026-11-20").caller("shopper-1").build(), null), 403, "forbidden");
        Responses.assertProblem(handler.handleRequest(ApiEvents.request("GET", "/admin/reports/daily")
                .query("from", "2026-11-01").query("to", "2026-11-20").build(), null), 401, "unauthorized");
    }
}
