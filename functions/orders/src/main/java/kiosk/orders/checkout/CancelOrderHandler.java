package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * POST /orders/{id}/cancel: the owner cancels an order. Awaiting payment, its units go back on sale
 * in the same transaction (200, CANCELLED); paid and not yet handed to fulfilment, it is refunded in
 * the background (202, CANCELLING; CANCELLED once refunded). Again is a no-op; any other state is a
 * 409. Signed in.
 */
public final class CancelOrderHandler extends HttpFunction {

    private final OrderService orders;

    public CancelOrderHandler() {
        this(CheckoutWiring.orders());
        SnapStart.prime("CancelOrder", () -> OrderPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("POST", "/orders/" + id + "/cancel", Map.of("id", id))));
    }

    public CancelOrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            noBody(event);
            Order order = orders.cancel(userId, request.pathParameter("id"));
            Log.info("order cancelled", "orderId", order.id(), "userId", userId, "status", order.status().name(),
                    "version", order.version());
            return answer(order);
        });
    }

    /** Strict like every other route: a body here is a client's mistake, not something to ignore. */
    static void noBody(APIGatewayV2HTTPEvent event) {
        if (event.getBody() != null && !event.getBody().isEmpty()) {
            throw new BadRequestException("This route takes no body.");
        }
    }

    /** 202 while the refund is under way, 200 once the order is cancelled. */
    static ApiResponse answer(Order order) {
        return (order.status() == OrderStatus.CANCELLING ? ApiResponse.accepted(order) : ApiResponse.ok(order))
                .etag(order.version());
    }
}
