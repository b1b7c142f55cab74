package kiosk.orders.cart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.Preconditions;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.ratelimit.RateLimiter;

/** DELETE /cart: empties the caller's cart; 204. */
public final class ClearCartHandler extends HttpFunction {

    private final CartService carts;
    private final RateLimiter limiter;

    public ClearCartHandler() {
        this(OrdersWiring.carts(), OrdersWiring.cartLimiter());
        SnapStart.prime("ClearCart", () -> CartPriming.emptyThenSeeded(() -> prime(PrimingEvent.of("DELETE", "/cart", Map.of()))));
    }

    public ClearCartHandler(CartService carts, RateLimiter limiter) {
        this.carts = carts;
        this.limiter = limiter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            limiter.admit(userId);
            carts.clear(userId, Preconditions.optionalVersion(request));
            return ApiResponse.noContent();
        });
    }
}
