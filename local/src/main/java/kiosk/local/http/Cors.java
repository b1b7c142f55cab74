package kiosk.local.http;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Locale;
import kiosk.local.stack.Blueprint;

/**
 * The API's CorsConfiguration applied as API Gateway applies it: it answers preflights itself,
 * before routes and authorizers, and puts its own CORS headers on every response to an allowed
 * origin in place of any the function set.
 */
final class Cors {

    private final Blueprint.Cors config;

    Cors(Blueprint.Cors config) {
        this.config = config;
    }

    boolean enabled() {
        return config != null;
    }

    static boolean isPreflight(String method, Headers request) {
        return method.equals("OPTIONS") && request.getFirst("Origin") != null
                && request.getFirst("Access-Control-Request-Method") != null;
    }

    /** Headers of the answer to a preflight: empty when the origin, method or a header is not allowed. */
    void preflight(Headers request, Headers response) {
        String origin = request.getFirst("Origin");
        String method = request.getFirst("Access-Control-Request-Method").trim().toUpperCase(Locale.ROOT);
        String asked = request.getFirst("Access-Control-Request-Headers");
        if (!originAllowed(origin) || !(allowsAll(config.allowMethods()) || config.allowMethods().contains(method))) {
            return;
        }
        if (asked != null && !allowsAll(config.allowHeaders())) {
            for (String header : asked.split(",")) {
                String name = header.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !config.allowHeaders().contains(name)) {
                    return;
                }
            }
        }
        allowOrigin(origin, response);
        response.set("Access-Control-Allow-Methods", String.join(",", config.allowMethods()));
        if (!config.allowHeaders().isEmpty()) {
            response.set("Access-Control-Allow-Headers", allowsAll(config.allowHeaders()) && asked != null
                    ? asked : String.join(",", config.allowHeaders()));
        }
        if (config.maxAge() != null) {
            response.set("Access-Control-Max-Age", String.valueOf(config.maxAge()));
        }
    }

    /** On an actual response: the function's own CORS headers give way to the API's. */
    void decorate(Headers request, Headers response) {
        response.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        String origin = request.getFirst("Origin");
        if (origin == null || !originAllowed(origin)) {
            return;
        }
        allowOrigin(origin, response);
        if (!config.exposeHeaders().isEmpty()) {
            response.set("Access-Control-Expose-Headers", String.join(",", config.exposeHeaders()));
        }
    }

    private void allowOrigin(String origin, Headers response) {
        boolean wildcard = allowsAll(config.allowOrigins()) && !config.allowCredentials();
        response.set("Access-Control-Allow-Origin", wildcard ? "*" : origin);
        if (!wildcard) {
            response.add("Vary", "Origin");
        }
        if (config.allowCredentials()) {
            response.set("Access-Control-Allow-Credentials", "true");
        }
    }

    private boolean originAllowed(String origin) {
        return allowsAll(config.allowOrigins()) || config.allowOrigins().stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    private static boolean allowsAll(List<String> values) {
        return values.contains("*");
    }
}
