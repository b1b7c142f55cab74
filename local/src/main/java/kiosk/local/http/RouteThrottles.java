package kiosk.local.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import kiosk.local.stack.Blueprint;
import kiosk.local.stack.Blueprint.Route;
import kiosk.local.stack.Blueprint.Throttle;

/**
 * API Gateway's throttling of an HTTP API: one token bucket per route, sized by the route's
 * settings from template.yaml, under the account's bucket that every route shares. A request
 * that finds its route's bucket (or the account's) empty is answered 429 before any authorizer
 * or function runs, which is what lets a client's retry logic be tested locally.
 */
final class RouteThrottles {

    private final Map<String, Bucket> byRoute = new HashMap<>();
    private final Bucket account;

    RouteThrottles(Blueprint blueprint, LongSupplier nanoTime) {
        this(blueprint.routes(), blueprint::throttle, nanoTime);
    }

    RouteThrottles(List<Route> routes, Function<Route, Throttle> throttles, LongSupplier nanoTime) {
        routes.forEach(route -> byRoute.put(route.key(), new Bucket(throttles.apply(route), nanoTime)));
        this.account = new Bucket(Throttle.ACCOUNT, nanoTime);
    }

    /** Takes a token for one request of the route; false when API Gateway would answer 429. */
    boolean admit(Route route) {
        Bucket bucket = byRoute.get(route.key());
        return (bucket == null || bucket.take()) && account.take();
    }

    /** Full at first; refilled continuously at the rate, never above the burst. */
    private static final class Bucket {
        private final Throttle throttle;
        private final LongSupplier nanoTime;
        private double tokens;
        private long refilledAt;

        Bucket(Throttle throttle, LongSupplier nanoTime) {
            this.throttle = throttle;
            this.nanoTime = nanoTime;
            this.tokens = throttle.burst();
            this.refilledAt = nanoTime.getAsLong();
        }

        synchronized boolean take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(throttle.burst(), tokens + (now - refilledAt) / 1e9 * throttle.rate());
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
