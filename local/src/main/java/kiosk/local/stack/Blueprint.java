package kiosk.local.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kiosk.emulator.Template;

/**
 * What template.yaml asks the local runtime to serve, read once: the HTTP API's routes,
 * authorizers and CORS, each function's SQS event sources and schedules. Nothing here knows
 * Kiosk's own functions: a function, route, queue or schedule added to the template shows up.
 */
public final class Blueprint {

    /** A route of the HTTP API; {@code authorizer} null for a public one. */
    public record Route(String method, String path, String functionId, String authorizer) {
        public String key() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }
    }

    /** A Lambda authorizer: its function, identity sources, cache time and response contract. */
    public record Authorizer(String name, String functionId, List<String> identitySources, int ttlSeconds,
            boolean simpleResponses, String payloadVersion) {
    }

    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
            List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
    }

    /**
     * API Gateway's throttle for a route: a bucket of {@code burst} requests, refilled at
     * {@code rate} requests a second (fractions allowed, as the stage's settings allow them).
     */
    public record Throttle(int burst, double rate) {

        /** API Gateway's account-level quota in a region, which caps every stage and route. */
        public static final Throttle ACCOUNT = new Throttle(5000, 10_000);
    }

    public record QueueSource(String functionId, String queueId, int batchSize, int windowSeconds,
            boolean reportBatchItemFailures, boolean enabled) {
    }

    /**
     * A DynamoDB stream event of a function: its table, where a first start reads from (TRIM_HORIZON
     * or LATEST), the batch, and what happens to a failing batch: retried (-1: for as long as its
     * records live), then its position sent to the OnFailure queue, if any.
     */
    public record StreamSource(String functionId, String tableId, String startingPosition, int batchSize,
            boolean reportBatchItemFailures, int maximumRetryAttempts, String onFailureQueueId, boolean enabled) {
    }

    /** A Schedule (EventBridge rule) or ScheduleV2 (EventBridge Scheduler) event of a function. */
    public record Schedule(String name, String functionId, String expression, String timezone, Object input,
            boolean enabled, boolean scheduler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();
    private final List<QueueSource> queueSources = new ArrayList<>();
    private final List<StreamSource> streamSources = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final Map<String, Throttle> throttles = new LinkedHashMap<>();
    private Throttle defaultThrottle = Throttle.ACCOUNT;
    private Cors cors;

    private final ValueResolver resolver;

    /** Resolves intrinsic functions to plain values (parameters' defaults, local names). */
    public interface ValueResolver {
        Object resolve(Object value);
    }

    public Blueprint(Template template, ValueResolver resolver) {
        this.resolver = resolver;
        Map<String, Map<String, Object>> apis = template.resources("AWS::Serverless::HttpApi");
        Map<String, Object> api = apis.isEmpty() ? Map.of() : apis.values().iterator().next();
        if (apis.size() > 1) {
            ignored.add("more than one HttpApi: routes of all are served on one port, with "
                    + apis.keySet().iterator().next() + "'s authorizers and CORS");
        }
        readApi(api);
        String defaultAuthorizer = map(api.get("Auth")).get("DefaultAuthorizer") instanceof Object d ? text(d) : null;
        template.resources("AWS::Serverless::Function").forEach((id, function) ->
                map(function.get("Events")).forEach((eventName, raw) -> {
                    Map<String, Object> event = map(raw);
                    Map<String, Object> p = map(event.get("Properties"));
                    switch (text(event.get("Type"))) {
                        case "HttpApi" -> routes.add(route(id, p, defaultAuthorizer));
                        case "SQS" -> queueSources.add(queueSource(id, p));
                        case "DynamoDB" -> streamSources.add(streamSource(id, eventName, p));
                        case "Schedule", "ScheduleV2" -> schedules.add(schedule(id, eventName, p,
                                "ScheduleV2".equals(event.get("Type"))));
                        default -> ignored.add(id + "." + eventName + ": event type " + event.get("Type") + " is not emulated");
                    }
                }));
        throttles.keySet().stream().filter(key -> routes.stream().noneMatch(r -> r.key().equals(key)))
                .forEach(key -> ignored.add("RouteSettings for " + key + ": no such route (CloudFormation would refuse it)"));
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public Map<String, Authorizer> authorizers() {
        return Map.copyOf(authorizers);
    }

    /** The route's throttle: its RouteSettings field by field over DefaultRouteSettings, else the account's. */
    public Throttle throttle(Route route) {
        return throttles.getOrDefault(route.key(), defaultThrottle);
    }

    /** The API's CORS configuration, or null when it has none. */
    public Cors cors() {
        return cors;
    }

    public List<QueueSource> queueSources() {
        return List.copyOf(queueSources);
    }

    public List<StreamSource> streamSources() {
        return List.copyOf(streamSources);
    }

    public List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    /** What the template declares that the runtime does not emulate, to print rather than drop silently. */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    private void readApi(Map<String, Object> api) {
        if (api.get("CorsConfiguration") instanceof Map<?, ?> c) {
            Map<String, Object> config = Template.cast(c);
            cors = new Cors(strings(config.get("AllowOrigins")), upper(strings(config.get("AllowMethods"))),
                    lower(strings(config.get("AllowHeaders"))), lower(strings(config.get("ExposeHeaders"))),
                    config.get("MaxAge") == null ? null : Integer.valueOf(text(config.get("MaxAge"))),
                    Boolean.parseBoolean(text(config.getOrDefault("AllowCredentials", false))));
        } else if (api.get("CorsConfiguration") != null && Boolean.parseBoolean(text(api.get("CorsConfiguration")))) {
            cors = new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        }
        defaultThrottle = throttle(map(api.get("DefaultRouteSettings")), Throttle.ACCOUNT);
        map(api.get("RouteSettings")).forEach((key, settings) ->
                throttles.put(key, throttle(map(settings), defaultThrottle)));
        map(map(api.get("Auth")).get("Authorizers")).forEach((name, raw) -> {
            Map<String, Object> a = map(raw);
            if (a.get("FunctionArn") == null) {
                ignored.add("authorizer " + name + ": only Lambda authorizers are emulated (JWT needs its issuer)");
                return;
            }
            Map<String, Object> identity = map(a.get("Identity"));
            List<String> sources = new ArrayList<>();
            strings(identity.get("Headers")).forEach(h -> sources.add("$request.header." + h));
            strings(identity.get("QueryStrings")).forEach(q -> sources.add("$request.querystring." + q));
            int ttl = identity.get("ReauthorizeEvery") == null ? 0 : Integer.parseInt(text(identity.get("ReauthorizeEvery")));
            authorizers.put(name, new Authorizer(name, functionId(a.get("FunctionArn")), sources, ttl,
                    Boolean.parseBoolean(text(a.getOrDefault("EnableSimpleResponses", false))),
                    text(a.getOrDefault("AuthorizerPayloadFormatVersion", "2.0"))));
        });
    }

    /** A stage can only lower the account's limits; unset fields inherit the level above. */
    private Throttle throttle(Map<String, Object> settings, Throttle above) {
        int burst = settings.get("ThrottlingBurstLimit") == null ? above.burst()
                : Integer.parseInt(text(settings.get("ThrottlingBurstLimit")));
        double rate = settings.get("ThrottlingRateLimit") == null ? above.rate()
                : Double.parseDouble(text(settings.get("ThrottlingRateLimit")));
        if (burst < 0 || rate < 0 || Double.isNaN(rate)) {
            throw new IllegalArgumentException("throttling limits cannot be negative: burst " + burst + ", rate " + rate);
        }
        return new Throttle(Math.min(burst, Throttle.ACCOUNT.burst()), Math.min(rate, Throttle.ACCOUNT.rate()));
    }

    private Route route(String functionId, Map<String, Object> p, String defaultAuthorizer) {
        String path = p.get("Path") == null ? "$default" : text(p.get("Path"));
        String method = p.get("Method") == null ? "ANY" : text(p.get("Method")).toUpperCase(Locale.ROOT);
        Object declared = map(p.get("Auth")).get("Authorizer");
        String authorizer = declared == null ? defaultAuthorizer : text(declared);
        return new Route(method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : method, path, functionId,
                authorizer == null || authorizer.equals("NONE") ? null : authorizer);
    }

    private QueueSource queueSource(String functionId, Map<String, Object> p) {
        int batchSize = p.get("BatchSize") == null ? 10 : Integer.parseInt(text(p.get("BatchSize")));
        int window = p.get("MaximumBatchingWindowInSeconds") == null ? 0
                : Integer.parseInt(text(p.get("MaximumBatchingWindowInSeconds")));
        boolean report = strings(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
        boolean enabled = p.get("Enabled") == null || Boolean.parseBoolean(text(p.get("Enabled")));
        return new QueueSource(functionId, resourceId(p.get("Queue")), batchSize, window, report, enabled);
    }

    private StreamSource streamSource(String functionId, String eventName, Map<String, Object> p) {
        for (String unsupported : List.of("FilterCriteria", "BisectBatchOnFunctionError", "ParallelizationFactor",
                "TumblingWindowInSeconds")) {
            if (p.containsKey(unsupported)) {
                ignored.add(functionId + "." + eventName + ": " + unsupported + " is not emulated");
            }
        }
        String position = p.get("StartingPosition") == null ? "LATEST" : text(p.get("StartingPosition"));
        if (!position.equals("LATEST") && !position.equals("TRIM_HORIZON")) {
            throw new IllegalArgumentException(functionId + "." + eventName + ": StartingPosition " + position
                    + " is not one a DynamoDB stream takes (LATEST or TRIM_HORIZON)");
        }
        int batchSize = p.get("BatchSize") == null ? 100 : Integer.parseInt(text(p.get("BatchSize")));
        int retries = p.get("MaximumRetryAttempts") == null ? -1 : Integer.parseInt(text(p.get("MaximumRetryAttempts")));
        Object onFailure = map(map(map(p.get("DestinationConfig")).get("OnFailure"))).get("Destination");
        boolean enabled = p.get("Enabled") == null || Boolean.parseBoolean(text(p.get("Enabled")));
        return new StreamSource(functionId, resourceId(p.get("Stream")), position, batchSize,
                strings(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"), retries,
                onFailure == null ? null : resourceId(onFailure), enabled);
    }

    private Schedule schedule(String functionId, String eventName, Map<String, Object> p, boolean scheduler) {
        boolean enabled = p.get("State") != null ? "ENABLED".equals(text(p.get("State")))
                : p.get("Enabled") == null || Boolean.parseBoolean(text(p.get("Enabled")));
        Object name = p.get("Name");
        String timezone = p.get("ScheduleExpressionTimezone") == null ? "UTC" : text(p.get("ScheduleExpressionTimezone"));
        return new Schedule(name == null ? functionId + "." + eventName : text(name), functionId,
                text(p.get("Schedule") != null ? p.get("Schedule") : p.get("ScheduleExpression")), timezone,
                p.get("Input") == null ? null : resolver.resolve(p.get("Input")), enabled, scheduler);
    }

    /** The logical id behind !Ref X, !Ref X.Alias, !GetAtt X.Arn or an ARN !Sub naming ${X.Arn}. */
    static String functionId(Object arn) {
        String id = resourceId(arn);
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    private static String resourceId(Object reference) {
        Map<String, Object> ref = map(reference);
        if (ref.get("Ref") != null) {
            return String.valueOf(ref.get("Ref"));
        }
        if (ref.get("Fn::GetAtt") instanceof List<?> parts) {
            return String.valueOf(parts.get(0));
        }
        if (ref.get("Fn::Sub") != null) {
            String sub = String.valueOf(ref.get("Fn::Sub") instanceof List<?> l ? l.get(0) : ref.get("Fn::Sub"));
            int start = sub.indexOf("${");
            if (start >= 0) {
                return sub.substring(start + 2, sub.indexOf('}', start)).split("\\.")[0];
            }
        }
        throw new IllegalArgumentException("cannot tell which resource " + reference + " names; use !Ref or !GetAtt");
    }

    private List<String> strings(Object value) {
        Object resolved = resolver.resolve(value);
        if (resolved == null) {
            return List.of();
        }
        if (resolved instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return List.of(String.valueOf(resolved).trim());
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> upper(List<String> values) {
        return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }

    private String text(Object value) {
        return String.valueOf(resolver.resolve(value));
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? Template.cast(m) : Map.of();
    }
}
