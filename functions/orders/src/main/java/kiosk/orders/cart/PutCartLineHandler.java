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

/**
 * PUT /cart/lines/{productId} {"quantity": n}: sets a line of the caller's cart (0 removes it);
 * answers the cart. If-Match is optional: with it, a cart changed meanwhile is a 412.
 */
public final class PutCartLineHandler extends HttpFunction {

    private final CartService carts;
    private final RateLimiter limiter;

    public PutCartLineHandler() {
        this(OrdersWiring.carts(), OrdersWiring.cartLimiter());
        SnapStart.prime("PutCartLine", () -> CartPriming.emptyThenSeeded(() -> prime(PrimingEvent.of("PUT",
                "/cart/lines/" + CartPriming.PRODUCT_ID, Map.of("productId", CartPriming.PRODUCT_ID), "{\"quantity\": 2}", Map.of()))));
    }

    public PutCartLineHandler(CartService carts, RateLimiter limiter) {
        this.carts = carts;
        this.limiter = limiter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            limiter.admit(userId);
            CartLineInput input = request.body(CartLineInput.class);
            CartView cart = carts.setLine(userId, request.pathParameter("productId"), input.quantity(),
                    Preconditions.optionalVersion(request));
            return ApiResponse.ok(cart).etag(cart.version());
        });
    }
}
