package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/** GET /orders/{id}: one of the caller's own orders; anyone else's is a 404. Signed in. */
public final class GetOrderHandler extends HttpFunction {

    private final OrderService orders;

    public GetOrderHandler() {
        this(CheckoutWiring.orders());
        SnapStart.prime("GetOrder", () -> OrderPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("GET", "/orders/" + id, Map.of("id", id))));
    }

    public GetOrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Order order = orders.get(request.requireCaller().userId(), request.pathParameter("id"));
            return ApiResponse.ok(order).etag(order.version());
        });
    }
}
