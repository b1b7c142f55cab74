package kiosk.orders.checkout;

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

/** GET /admin/orders/{id}: any order, whoever placed it. Admin. */
public final class AdminGetOrderHandler extends HttpFunction {

    private final OrderService orders;

    public AdminGetOrderHandler() {
        this(CheckoutWiring.orders());
        SnapStart.prime("AdminGetOrder", () -> OrderPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("GET", "/admin/orders/" + id, Map.of("id", id))));
    }

    public AdminGetOrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            request.requireRole(Roles.ADMIN);
            Order order = orders.getAny(request.pathParameter("id"));
            return ApiResponse.ok(order).etag(order.version());
        });
    }
}
