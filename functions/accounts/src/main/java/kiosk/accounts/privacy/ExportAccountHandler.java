package kiosk.accounts.privacy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.accounts.AccountsWiring;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/** GET /me/export: everything the shop holds about the caller, as one JSON document. Signed in; the caller's own only. */
public final class ExportAccountHandler extends HttpFunction {

    private final PrivacyService privacy;

    public ExportAccountHandler() {
        this(AccountsWiring.privacy());
        SnapStart.prime("ExportAccount", () -> prime(PrimingEvent.of("GET", "/me/export", Map.of())));
    }

    public ExportAccountHandler(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.okJson(privacy.export(request.requireCaller().userId()))
                .header("content-disposition", "attachment; filename=\"kiosk-account.json\""));
    }
}
