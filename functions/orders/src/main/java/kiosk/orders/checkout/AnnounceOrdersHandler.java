package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import kiosk.shared.log.Log;

/**
 * Every minute (a schedule in template.yaml): announces the orders whose announcement did not go
 * out right after their checkout. Takes the schedule's event as a plain map: the events library's
 * ScheduledEvent would need Joda-Time in the package for nothing.
 */
public final class AnnounceOrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final OrderAnnouncer announcer;
    private final Clock clock;

    public AnnounceOrdersHandler() {
        this(CheckoutWiring.announcer(), Clock.systemUTC());
    }

    public AnnounceOrdersHandler(OrderAnnouncer announcer, Clock clock) {
        this.announcer = announcer;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int announced = announcer.sweep(Instant.now(clock));
        if (announced > 0) {
            Log.warn("orders announced late by the sweeper", "count", announced);
        }
        return Map.of("announced", announced);
    }
}
