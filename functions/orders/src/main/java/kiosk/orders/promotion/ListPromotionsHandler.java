package kiosk.orders.promotion;

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

/** GET /admin/promotions?limit=&cursor=: every code, in code order, a page at a time. Admin. */
public final class ListPromotionsHandler extends HttpFunction {

    private final PromotionService promotions;

    public ListPromotionsHandler() {
        this(PromotionWiring.promotions());
        // The listing with none, then with the seeded one.
        SnapStart.prime("ListPromotions", () -> PromotionPriming.missingThenSeeded(this::prime,
                code -> PrimingEvent.of("GET", "/admin/promotions", Map.of())));
    }

    public ListPromotionsHandler(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            request.requireRole(Roles.ADMIN);
            return ApiResponse.ok(promotions.list(request.queryParameter("limit"), request.queryParameter("cursor")));
        });
    }
}
