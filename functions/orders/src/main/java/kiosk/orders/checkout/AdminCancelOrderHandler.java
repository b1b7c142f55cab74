package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.auth.Roles;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * POST /admin/orders/{id}/cancel: an admin cancels any order, as its owner may (200 CANCELLED for
 * one awaiting payment, 202 CANCELLING for a paid one being refunded, 409 once fulfilment has it).
 * Admin.
 */
public final class AdminCancelOrderHandler extends HttpFunction {

    private final OrderService orders;

    public AdminCancelOrderHandler() {
        this(CheckoutWiring.orders());
        SnapStart.prime("AdminCancelOrder", () -> OrderPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("POST", "/admin/orders/" + id + "/cancel", Map.of("id", id))));
    }

    public AdminCancelOrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String adminId = request.requireRole(Roles.ADMIN).userId();
            CancelOrderHandler.noBody(event);
            Order order = orders.cancelAny(request.pathParameter("id"));
            Log.info("order cancelled by an admin", "orderId", order.id(), "adminId", adminId, "status",
                    order.status().name(), "version", order.version());
            return CancelOrderHandler.answer(order);
        });
    }
}
