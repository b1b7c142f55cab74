package kiosk.orders.cart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/** GET /cart: the caller's own cart at today's prices, its version as ETag. Signed in. */
public final class GetCartHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CartService carts;

    public GetCartHandler() {
        this(OrdersWiring.carts());
        SnapStart.prime("GetCart", () -> handleRequest(PrimingEvent.of("GET", "/cart", Map.of()), null));
    }

    public GetCartHandler(CartService carts) {
        this.carts = carts;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            CartView cart = carts.view(request.requireCaller().userId());
            return ApiResponse.ok(cart).etag(cart.version());
        });
    }
}
