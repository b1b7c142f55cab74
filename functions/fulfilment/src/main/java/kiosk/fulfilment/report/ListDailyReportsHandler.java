package kiosk.fulfilment.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.auth.Roles;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/**
 * GET /admin/reports/daily?from=&to=: the reports of the days from..to (both included, at most
 * {@link ReportService#MAX_DAYS}), by date ascending; a day without a report is left out. Admin.
 */
public final class ListDailyReportsHandler extends HttpFunction {

    private final ReportService reports;

    public ListDailyReportsHandler() {
        this(ReportWiring.reports());
        SnapStart.prime("ListDailyReports", () -> ReportPriming.missingThenSeeded(this::prime,
                PrimingEvent.query("/admin/reports/daily", Map.of("from", ReportPriming.DAY, "to", "2000-01-07"))));
    }

    public ListDailyReportsHandler(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            request.requireRole(Roles.ADMIN);
            return ApiResponse.ok(reports.list(request.queryParameter("from"), request.queryParameter("to")));
        });
    }
}
