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

/** POST /admin/promotions: admins create a code; 201 with its Location; an existing code is a 409. */
public final class CreatePromotionHandler extends HttpFunction {

    /** A valid body for the primer (never stored: see PrimingEvent). */
    private static final String PRIMING_BODY = "{\"code\": \"PRIMING\", \"kind\": \"PERCENT\", \"percentOff\": 10, "
            + "\"validFrom\": \"2026-01-01T00:00:00Z\", \"validUntil\": \"2036-01-01T00:00:00Z\", \"maxRedemptions\": 1, \"perCustomerLimit\": 1}";

    private final PromotionService promotions;

    public CreatePromotionHandler() {
        this(PromotionWiring.promotions());
        SnapStart.prime("CreatePromotion", () -> prime(PrimingEvent.of("POST", "/admin/promotions", Map.of(), PRIMING_BODY, Map.of())));
    }

    public CreatePromotionHandler(PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller admin = request.requireRole(Roles.ADMIN);
            Promotion promotion = promotions.create(request.body(PromotionInput.class));
            Log.info("promotion created", "code", promotion.code(), "by", admin.userId());
            return ApiResponse.created("/admin/promotions/" + promotion.code(), promotion).etag(promotion.version());
        });
    }
}
