package kiosk.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiosk.local.stack.Blueprint.Route;

/**
 * API Gateway HTTP API route selection: the most specific route wins. Segment by segment a
 * literal beats a {parameter}, which beats a greedy {proxy+}; a route for the method beats ANY;
 * $default catches what nothing else does.
 */
final class RouteTable {

    record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;
    private final Route fallback;

    RouteTable(List<Route> declared) {
        List<Route> sorted = new ArrayList<>(declared.stream().filter(r -> !r.path().equals("$default")).toList());
        sorted.sort(Comparator.comparing(RouteTable::rank).reversed());
        this.routes = List.copyOf(sorted);
        this.fallback = declared.stream().filter(r -> r.path().equals("$default")).findFirst().orElse(null);
    }

    /** The route for a request, or null when API Gateway would answer 404. */
    Match match(String method, String rawPath) {
        String[] segments = segments(rawPath);
        for (Route route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = bind(segments(route.path()), segments);
            if (parameters != null) {
                return new Match(route, parameters);
            }
        }
        return fallback == null ? null : new Match(fallback, Map.of());
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("+}")) {
                if (i >= path.length) {
                    return null;
                }
                List<String> rest = new ArrayList<>();
                for (int j = i; j < path.length; j++) {
                    rest.add(decode(path[j]));
                }
                parameters.put(p.substring(1, p.length() - 2), String.join("/", rest));
                return parameters;
            }
            if (i >= path.length) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                parameters.put(p.substring(1, p.length() - 1), decode(path[i]));
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return pattern.length == path.length ? parameters : null;
    }

    /** Higher is more specific: per segment literal 3, parameter 2, greedy 1; then the method over ANY. */
    private static String rank(Route route) {
        StringBuilder rank = new StringBuilder();
        for (String segment : segments(route.path())) {
            rank.append(segment.endsWith("+}") ? '1' : segment.startsWith("{") ? '2' : '3');
        }
        return rank.append('9').append(route.method().equals("ANY") ? '0' : '1').toString();
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
