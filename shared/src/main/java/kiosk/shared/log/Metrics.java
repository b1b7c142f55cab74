package kiosk.shared.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiosk.shared.json.JsonWriter;
import kiosk.shared.lambda.SnapStart;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON log line that CloudWatch Logs turns
 * into metrics, with no PutMetricData call (no client, no network on the function's path, no cold
 * start). A job counts what it did during one invocation and {@linkplain #flush flushes} once.
 *
 * <p>Every metric goes to the "Kiosk" namespace under one dimension, the job ("Service"). Metrics
 * carry numbers only; which orders they counted is in the log lines beside them.
 */
public final class Metrics {

    public static final String NAMESPACE = "Kiosk";

    private final String service;
    private final Clock clock;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, List<Long>> timings = new LinkedHashMap<>();

    public Metrics(String service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    public Metrics(String service) {
        this(service, Clock.systemUTC());
    }

    /** Adds to a count; declared with zero it still reports, so a dashboard sees 0, not nothing. */
    public synchronized Metrics count(String name, long delta) {
        counts.merge(name, delta, Long::sum);
        return this;
    }

    /** One more observation of a duration, in milliseconds. */
    public synchronized Metrics milliseconds(String name, long value) {
        timings.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /**
     * The HTTP side's line for one request: Requests by Route and StatusClass ("2xx"... "5xx"),
     * and Latency (the function's, in milliseconds) by Route. API Gateway's own metrics have the
     * stage's totals; these say which route.
     */
    public static void request(String route, int status, long millis) {
        if (route == null || route.isBlank()) {
            return;
        }
        String line = requestLine(route, status, millis, System.currentTimeMillis());
        // A primer takes this path too, so that restore finds it loaded; its request never happened.
        if (!SnapStart.priming()) {
            Log.raw(line);
        }
    }

    static String requestLine(String route, int status, long millis, long timestamp) {
        StringBuilder out = new StringBuilder(320);
        out.append("{\"_aws\":{\"Timestamp\":").append(timestamp).append(",\"CloudWatchMetrics\":[{\"Namespace\":\"")
                .append(NAMESPACE).append("\",\"Dimensions\":[[\"Route\",\"StatusClass\"]],\"Metrics\":[");
        definition(out, true, "Requests", "Count");
        out.append("]},{\"Namespace\":\"").append(NAMESPACE).append("\",\"Dimensions\":[[\"Route\"]],\"Metrics\":[");
        definition(out, true, "Latency", "Milliseconds");
        out.append("]}]},\"Route\":");
        JsonWriter.string(out, route);
        out.append(",\"StatusClass\":\"").append(status / 100).append("xx\",\"Requests\":1,\"Latency\":").append(millis);
        return out.append('}').toString();
    }

    /** Writes what was recorded as one EMF line and starts again; writes nothing if nothing was recorded. */
    public synchronized void flush() {
        if (counts.isEmpty() && timings.isEmpty()) {
            return;
        }
        Log.raw(line());
        counts.clear();
        timings.clear();
    }

    /** The EMF record: the _aws metadata naming each metric and its unit, then the values by name. */
    synchronized String line() {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"_aws\":{\"Timestamp\":").append(clock.millis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":[[\"Service\"]],\"Metrics\":[");
        boolean first = true;
        for (String name : counts.keySet()) {
            first = definition(out, first, name, "Count");
        }
        for (String name : timings.keySet()) {
            first = definition(out, first, name, "Milliseconds");
        }
        out.append("]}]},\"Service\":");
        JsonWriter.string(out, service);
        counts.forEach((name, value) -> {
            out.append(',');
            JsonWriter.string(out, name);
            out.append(':').append(value);
        });
        timings.forEach((name, values) -> {
            out.append(',');
            JsonWriter.string(out, name);
            out.append(':');
            // EMF takes up to 100 values of one metric in an array.
            List<Long> kept = values.size() > 100 ? values.subList(0, 100) : values;
            out.append(kept.size() == 1 ? kept.get(0).toString() : kept.toString().replace(" ", ""));
        });
        return out.append('}').toString();
    }

    private static boolean definition(StringBuilder out, boolean first, String name, String unit) {
        if (!first) {
            out.append(',');
        }
        out.append("{\"Name\":");
        JsonWriter.string(out, name);
        out.append(",\"Unit\":\"").append(unit).append("\"}");
        return false;
    }
}
