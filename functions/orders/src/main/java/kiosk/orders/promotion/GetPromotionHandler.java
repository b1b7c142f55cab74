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

/** GET /admin/promotions/{code}: a code with its redemptions so far. Admin. */
public final class GetPromotionHandler extends HttpFunction {

    private final PromotionService promotions;

    public GetPromotionHandler() {
        this(PromotionWiring.promotions());
        SnapStart.prime("GetPromotion", () -> PromotionPriming.missingThenSeeded(this::prime,
                code -> PrimingEvent.of("GET", "/admin/promotions/" + code, Map.of("code", code))));
    }

    public GetPromotionHandler(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            request.requireRole(Roles.ADMIN);
            Promotion promotion = promotions.get(request.pathParameter("code"));
            return ApiResponse.ok(promotion).etag(promotion.version());
        });
    }
}
