package kiosk.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kiosk.local.stack.Blueprint.Route;
import kiosk.local.stack.Blueprint.Throttle;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves: burst, refill, the cap, and routes kept apart. */
class RouteThrottlesTest {

    private static final Route LOGIN = new Route("POST", "/auth/login", "LoginFunction", null);
    private static final Route PRODUCTS = new Route("GET", "/products", "ListFunction", null);

    private final AtomicLong now = new AtomicLong(7_000_000_000L);

    private RouteThrottles throttles(Map<Route, Throttle> settings) {
        return new RouteThrottles(List.copyOf(settings.keySet()), settings::get, now::get);
    }

    private int admitted(RouteThrottles throttles, Route route, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            admitted += throttles.admit(route) ? 1 : 0;
        }
        return admitted;
    }

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000);
    }

    @Test
    void aBurstIsAdmittedThenTheRateRefillsIt() {
        RouteThrottles throttles = throttles(Map.of(LOGIN, new Throttle(20, 10)));
        assertEquals(20, admitted(throttles, LOGIN, 25), "the burst, then 429");
        advanceMillis(100);
        assertEquals(1, admitted(throttles, LOGIN, 5), "10 a second: one token per 100 ms");
        advanceMillis(250);
        assertEquals(2, admitted(throttles, LOGIN, 5), "and the half token left over is kept");
        advanceMillis(60_000);
        assertEquals(20, admitted(throttles, LOGIN, 25), "a long pause refills up to the burst, never beyond");
    }

    @Test
    void aFractionalRateAndAZeroBurst() {
        RouteThrottles slow = throttles(Map.of(LOGIN, new Throttle(1, 0.5)));
        assertTrue(slow.admit(LOGIN));
        advanceMillis(1_999);
        assertFalse(slow.admit(LOGIN), "one request every two seconds");
        advanceMillis(1);
        assertTrue(slow.admit(LOGIN));

        RouteThrottles closed = throttles(Map.of(LOGIN, new Throttle(0, 100)));
        advanceMillis(10_000);
        assertEquals(0, admitted(closed, LOGIN, 3), "a burst of 0 blocks the route, as on API Gateway");
    }

    @Test
    void eachRouteHasItsOwnBucket() {
        RouteThrottles throttles = throttles(Map.of(LOGIN, new Throttle(2, 1), PRODUCTS, new Throttle(200, 100)));
        assertEquals(2, admitted(throttles, LOGIN, 10));
        assertEquals(200, admitted(throttles, PRODUCTS, 200), "a flood of logins leaves the catalog alone");
    }

    @Test
    void theAccountsBucketCapsEveryRouteTogether() {
        RouteThrottles throttles = throttles(Map.of(LOGIN, new Throttle(5000, 10_000), PRODUCTS, new Throttle(5000, 10_000)));
        assertEquals(3000, admitted(throttles, LOGIN, 3000));
        assertEquals(Throttle.ACCOUNT.burst() - 3000, admitted(throttles, PRODUCTS, 3000),
                "the account's burst of 5000 is shared by all routes");
    }
}
