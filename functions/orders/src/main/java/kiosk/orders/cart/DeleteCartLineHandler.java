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

/** DELETE /cart/lines/{productId}: removes a line (a line not there is no error); answers the cart. */
public final class DeleteCartLineHandler extends HttpFunction {

    private final CartService carts;
    private final RateLimiter limiter;

    public DeleteCartLineHandler() {
        this(OrdersWiring.carts(), OrdersWiring.cartLimiter());
        SnapStart.prime("DeleteCartLine", () -> CartPriming.emptyThenSeeded(() -> prime(PrimingEvent.of("DELETE",
                "/cart/lines/" + CartPriming.PRODUCT_ID, Map.of("productId", CartPriming.PRODUCT_ID)))));
    }

    public DeleteCartLineHandler(CartService carts, RateLimiter limiter) {
        this.carts = carts;
        this.limiter = limiter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            limiter.admit(userId);
            CartView cart = carts.removeLine(userId, request.pathParameter("productId"),
                    Preconditions.optionalVersion(request));
            return ApiResponse.ok(cart).etag(cart.version());
        });
    }
}
