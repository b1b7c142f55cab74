package kiosk.orders.promotion;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.auth.Roles;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Caller;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/** POST /admin/promotions/{code}/deactivate: no checkout redeems the code from now on; again is a no-op. Admin. */
public final class DeactivatePromotionHandler extends HttpFunction {

    private final PromotionService promotions;

    public DeactivatePromotionHandler() {
        this(PromotionWiring.promotions());
        SnapStart.prime("DeactivatePromotion", () -> PromotionPriming.missingThenSeeded(this::prime,
                code -> PrimingEvent.of("POST", "/admin/promotions/" + code + "/deactivate", Map.of("code", code))));
    }

    public DeactivatePromotionHandler(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller admin = request.requireRole(Roles.ADMIN);
            Promotion promotion = promotions.deactivate(request.pathParameter("code"));
            Log.info("promotion deactivated", "code", promotion.code(), "by", admin.userId());
            return ApiResponse.ok(promotion).etag(promotion.version());
        });
    }
}
