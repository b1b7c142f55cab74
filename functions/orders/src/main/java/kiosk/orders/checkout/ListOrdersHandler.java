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

/** GET /orders?limit=&cursor=: the caller's own orders, newest first, a page at a time. Signed in. */
public final class ListOrdersHandler extends HttpFunction {

    private final OrderService orders;

    public ListOrdersHandler() {
        this(CheckoutWiring.orders());
        // The caller's orders with none, then with the seeded one.
        SnapStart.prime("ListOrders", () -> OrderPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("GET", "/orders", Map.of())));
    }

    public ListOrdersHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.ok(orders.list(request.requireCaller().userId(),
                request.queryParameter("limit"), request.queryParameter("cursor"))));
    }
}
