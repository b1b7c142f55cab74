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

/** GET /admin/orders?status=PAID&limit=&cursor=: every order in a status, newest first. Admin. */
public final class AdminListOrdersHandler extends HttpFunction {

    private final OrderService orders;

    public AdminListOrdersHandler() {
        this(CheckoutWiring.orders());
        SnapStart.prime("AdminListOrders", () -> prime(
                PrimingEvent.query("/admin/orders", Map.of("status", "PAID", "limit", "20"))));
    }

    public AdminListOrdersHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            request.requireRole(Roles.ADMIN);
            return ApiResponse.ok(orders.listByStatus(request.queryParameter("status"), request.queryParameter("limit"),
                    request.queryParameter("cursor")));
        });
    }
}
