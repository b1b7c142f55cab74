package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kiosk.emulator.LocalAws;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin's order routes: only admins, any order, a status required. */
@ExtendWith(LocalAwsExtension.class)
class AdminOrderHandlersIT {

    private final Shop shop;
    private final OrderService orders;

    AdminOrderHandlersIT(LocalAws aws) {
        this.shop = new Shop(aws);
        this.orders = new OrderService(shop.orders, Shop.CLOCK);
    }

    @Test
    void onlyAdminsSeeEveryonesOrders() {
        String lamp = shop.product("Lamp", 100, "EUR", 5);
        Order order = shop.checkout.checkout(shop.shopperWith(lamp, 1), "k", Shop.input()).order();
        AdminGetOrderHandler get = new AdminGetOrderHandler(orders);
        AdminListOrdersHandler list = new AdminListOrdersHandler(orders);
        assertEquals(200, get.handleRequest(ApiEvents.request("GET", "/admin/orders/{id}").path("id", order.id())
                .caller("admin-1", "admin").build(), null).getStatusCode());
        Responses.assertProblem(get.handleRequest(ApiEvents.request("GET", "/admin/orders/{id}").path("id", order.id())
                .caller(order.userId()).build(), null), 403, "forbidden");
        Responses.assertProblem(list.handleRequest(ApiEvents.request("GET", "/admin/orders").query("status", "PAID")
                .caller(order.userId()).build(), null), 403, "forbidden");
        Responses.assertProblem(list.handleRequest(ApiEvents.request("GET", "/admin/orders").caller("admin-1", "admin")
                .build(), null), 400, "bad-request");
        assertEquals(200, list.handleRequest(ApiEvents.request("GET", "/admin/orders").query("status", "PENDING_PAYMENT")
                .caller("admin-1", "admin").build(), null).getStatusCode());
    }
}
