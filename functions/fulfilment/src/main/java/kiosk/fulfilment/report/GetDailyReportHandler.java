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

/** GET /admin/reports/daily/{date}: one day's sales report, as the report job last stored it. Admin. */
public final class GetDailyReportHandler extends HttpFunction {

    private final ReportService reports;

    public GetDailyReportHandler() {
        this(ReportWiring.reports());
        SnapStart.prime("GetDailyReport", () -> ReportPriming.missingThenSeeded(this::prime,
                PrimingEvent.of("GET", "/admin/reports/daily/" + ReportPriming.DAY, Map.of("date", ReportPriming.DAY))));
    }

    public GetDailyReportHandler(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            request.requireRole(Roles.ADMIN);
            return ApiResponse.ok(reports.get(request.pathParameter("date")));
        });
    }
}
