package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import kiosk.shared.json.JsonWriter;

/** What a route answers, before it becomes the payload 2.0 response. */
public final class ApiResponse {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private final int status;
    private final Object body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Long taggedVersion;
    private String sharedCacheControl;
    private String ifNoneMatch;

    private ApiResponse(int status, Object body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, JSON);
    }

    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, body, JSON).header("location", location);
    }

    /** 202: the request is taken and finishes in the background; the body says where it stands. */
    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body, JSON);
    }

    /** 503 with a body that says what is down (a health check's); not a problem, for the body is the answer. */
    public static ApiResponse unavailable(Object body) {
        return new ApiResponse(503, body, JSON);
    }

    /**
     * 200 with a JSON document the route wrote itself (with a streaming generator, for a body too
     * large to build as objects first); sent as it is.
     */
    public static ApiResponse okJson(String json) {
        return new ApiResponse(200, new Written(json), JSON);
    }

    private record Written(String json) {
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null);
    }

    static ApiResponse problem(Problem problem) {
        return new ApiResponse(problem.status(), problem, PROBLEM_JSON);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    /** Strong entity tag of a versioned resource, as If-Match expects it back. */
    public ApiResponse etag(long version) {
        return header("etag", Preconditions.etag(version));
    }

    /**
     * The ETag of a versioned resource whose representation also changes without a new version
     * (a product's stock moves with every sale): {@code "<version>.<digest of the body>"}, so that
     * a cache never keeps a stale body under a current tag, while If-Match still compares the
     * version ({@link Preconditions}).
     */
    public ApiResponse representationTag(long version) {
        this.taggedVersion = version;
        return this;
    }

    /**
     * A public representation shared caches (a CDN, the browser) may keep: {@code cacheControl}
     * instead of no-store, an ETag from the body's bytes (unless {@link #representationTag} gives
     * one), and a 304 with no body when the request's If-None-Match holds the current tag.
     */
    public ApiResponse sharedCache(ApiRequest request, String cacheControl) {
        this.sharedCacheControl = cacheControl;
        this.ifNoneMatch = request.header("if-none-match").orElse(null);
        return this;
    }

    public int status() {
        return status;
    }

    public APIGatewayV2HTTPResponse toEvent() {
        Map<String, String> out = new LinkedHashMap<>(headers);
        String json = body == null ? null : body instanceof Written written ? written.json() : JsonWriter.write(body);
        int answered = status;
        if (taggedVersion != null || sharedCacheControl != null) {
            String tag = EntityTags.of(taggedVersion, json);
            out.put("etag", tag);
            if (sharedCacheControl != null) {
                out.put("cache-control", sharedCacheControl);
                if (status == 200 && EntityTags.noneMatchHolds(ifNoneMatch, tag)) {
                    answered = 304;
                    json = null;
                }
            }
        }
        if (contentType != null && json != null) {
            out.put("content-type", contentType);
        }
        out.putIfAbsent("cache-control", "no-store");
        out.put("x-content-type-options", "nosniff");
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(answered);
        response.setHeaders(out);
        response.setBody(json);
        response.setIsBase64Encoded(false);
        return response;
    }
}
