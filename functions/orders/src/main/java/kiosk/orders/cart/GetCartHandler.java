package kiosk.orders.cart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/**
 * GET /cart: the caller's own cart at today's prices, its version as ETag. With
 * {@code ?promoCode=CODE}, the code's discount previewed, or a 422 naming why it does not apply.
 * Signed in.
 */
public final class GetCartHandler extends HttpFunction {

    private final CartService carts;
    private final PromotionService promotions;

    public GetCartHandler() {
        this(OrdersWiring.carts(), OrdersWiring.promotions());
        SnapStart.prime("GetCart", () -> CartPriming.emptyThenSeeded(() -> prime(PrimingEvent.of("GET", "/cart", Map.of()))));
    }

    public GetCartHandler(CartService carts, PromotionService promotions) {
        this.carts = carts;
        this.promotions = promotions;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            CartView cart = carts.view(userId);
            Optional<String> code = request.queryParameter("promoCode");
            if (code.isPresent()) {
                PromotionService.Applied applied = promotions.apply(code.get(), userId, cart.currency(),
                        cart.subtotal() == null ? 0 : cart.subtotal().amount());
                cart = cart.currency() == null ? cart : cart.withPromotion(code.get(), applied.discount());
            }
            return ApiResponse.ok(cart).etag(cart.version());
        });
    }
}
