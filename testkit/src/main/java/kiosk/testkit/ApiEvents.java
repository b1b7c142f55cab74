package kiosk.testkit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds HTTP API payload 2.0 events the way API Gateway fills them: lower-cased headers, the
 * route key, and a Lambda authorizer's simple-response context under
 * {@code requestContext.authorizer.lambda}, where handlers read the caller.
 */
public final class ApiEvents {

    private final String method;
    private final String routePath;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Map<String, Object> authorizer;
    private String body;
    private boolean base64;
    private String sourceIp = "127.0.0.1";

    private ApiEvents(String method, String routePath) {
        this.method = method;
        this.routePath = routePath;
        headers.put("accept", "application/json");
        headers.put("user-agent", "kiosk-tests");
    }

    /** A request to a route as template.yaml declares it, such as {@code /products/{id}}. */
    public static ApiEvents request(String method, String routePath) {
        return new ApiEvents(method, routePath);
    }

    public ApiEvents path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public ApiEvents query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiEvents header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    public ApiEvents json(String json) {
        header("content-type", "application/json");
        this.body = json;
        return this;
    }

    public ApiEvents body(String body) {
        this.body = body;
        return this;
    }

    public ApiEvents base64Body(byte[] bytes) {
        this.body = Base64.getEncoder().encodeToString(bytes);
        this.base64 = true;
        return this;
    }

    /** The client's address, as API Gateway puts it in {@code requestContext.http.sourceIp}. */
    public ApiEvents sourceIp(String address) {
        this.sourceIp = address;
        return this;
    }

    /** The context our Lambda authorizer returns: user id, and roles comma-separated. */
    public ApiEvents caller(String userId, String... roles) {
        this.authorizer = new LinkedHashMap<>();
        authorizer.put("userId", userId);
        authorizer.put("roles", String.join(",", roles));
        return this;
    }

    /** The sign-in the caller's token names, as the authorizer passes it (call after {@link #caller}). */
    public ApiEvents session(String sessionId) {
        authorizer.put("sessionId", sessionId);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String rawPath = routePath;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.isEmpty() ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        long now = System.currentTimeMillis();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName("localhost")
                .withDomainPrefix("localhost")
                .withStage("$default")
                .withRouteKey(method + " " + routePath)
                .withRequestId(UUID.randomUUID().toString())
                .withTimeEpoch(now)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath)
                        .withProtocol("HTTP/1.1").withSourceIp(sourceIp).withUserAgent("kiosk-tests").build());
        if (authorizer != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(authorizer).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + routePath)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery.toString())
                .withHeaders(new LinkedHashMap<>(headers))
                .withQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query))
                .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(context.build())
                .build();
    }
}
