package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.Map;
import kiosk.shared.config.Config;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;

/**
 * Every minute (a schedule in template.yaml): orders unpaid for PAYMENT_WINDOW_MINUTES become
 * EXPIRED, and their stock and promotion redemptions go back. Takes the schedule's event as a map.
 */
public final class ExpireOrdersHandler extends EventFunction {

    private final OrderService orders;
    private final Duration window;

    public ExpireOrdersHandler() {
        this(CheckoutWiring.orders(), Duration.ofMinutes(Long.parseLong(Config.fromEnvironment().require("PAYMENT_WINDOW_MINUTES"))));
        // The real query for unpaid orders; any expiry it finds is written to memory only, while priming.
        SnapStart.prime("ExpireOrders", () -> prime(Map.of()));
    }

    public ExpireOrdersHandler(OrderService orders, Duration window) {
        this.orders = orders;
        this.window = window;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Log.Scope ignored = Log.invocation(context, null)) {
            return invoke(event, context);
        }
    }

    private Map<String, Object> invoke(Map<String, Object> event, Context context) {
        int expired = orders.expireUnpaid(window);
        if (expired > 0) {
            Log.info("unpaid orders expired", "count", expired, "windowMinutes", window.toMinutes());
        }
        new Metrics("orders").count("OrdersExpired", expired).flush();
        return Map.of("expired", expired);
    }
}
