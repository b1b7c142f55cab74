package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ForbiddenException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.UnauthorizedException;

/**
 * A read-only view of an HTTP API payload 2.0 event. Every accessor copes with a missing part,
 * because an invoker (a test, {@code sam local invoke}, a misconfigured integration) can send any
 * shape of event and still deserves a 4xx rather than a NullPointerException.
 */
public final class ApiRequest {

    /** Our bodies are small records; anything larger is a mistake or an attack. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event == null ? new APIGatewayV2HTTPEvent() : event;
    }

    public String method() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getMethod() == null ? "" : http.getMethod();
    }

    public String path() {
        return event.getRawPath() == null ? "" : event.getRawPath();
    }

    /**
     * The address the request came from, as API Gateway saw the TCP connection (not a header a
     * client can set); empty when the event has none, as a test's or a console's may not.
     */
    public String sourceIp() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getSourceIp() == null ? "" : http.getSourceIp();
    }

    /** API Gateway's id of the request, the one it returns in the apigw-requestid header. */
    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** A path parameter the route declares; absent means the route did not match this resource. */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw new NotFoundException("No resource at " + path());
        }
        return value;
    }

    public Optional<String> queryParameter(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.get(name));
    }

    /** Header lookup ignoring case; see {@link Headers#find}. */
    public Optional<String> header(String name) {
        return Headers.find(event.getHeaders(), name);
    }

    public <T extends Validated> T body(Class<T> type) {
        return body(type, DEFAULT_MAX_BODY_BYTES);
    }

    /** Reads and validates a JSON body; each way it can be wrong is its own 4xx problem. */
    public <T extends Validated> T body(Class<T> type, int maxBytes) {
        T value = BodyReader.read(jsonBytes(maxBytes), type);
        Checks checks = new Checks();
        value.validate(checks);
        checks.throwIfAny();
        return value;
    }

    /**
     * The JSON body's bytes exactly as sent (a signature covers them), with the same refusals as
     * {@link #body}: no JSON content type, no body, too large, not strict UTF-8.
     */
    public byte[] jsonBytes(int maxBytes) {
        requireJsonContentType();
        byte[] raw = rawBody();
        if (raw.length == 0) {
            throw new BadRequestException("A JSON body is required.");
        }
        if (raw.length > maxBytes) {
            throw new DomainException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is " + raw.length + " bytes; the limit is " + maxBytes + ".");
        }
        requireUtf8WithoutBom(raw);
        return raw;
    }

    /**
     * RFC 8259 JSON between systems is UTF-8, and Jackson would otherwise guess UTF-16 or UTF-32
     * from the first bytes and skip a byte order mark. A zero byte can only be UTF-16 or UTF-32
     * here: JSON text in UTF-8 never holds one unescaped.
     */
    private static void requireUtf8WithoutBom(byte[] raw) {
        boolean bom = raw.length >= 2 && ((raw[0] & 0xFF) == 0xFE && (raw[1] & 0xFF) == 0xFF
                || (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE)
                || raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF;
        boolean zero = false;
        for (byte b : raw) {
            zero |= b == 0;
        }
        if (bom || zero || !strictUtf8(raw)) {
            throw new DomainException(ProblemType.MALFORMED_JSON, "The body must be UTF-8 without a byte order mark.");
        }
    }

    /**
     * Jackson decodes UTF-8 itself and lets overlong forms through (C0 AF becomes "/"), so a
     * value could pass a check on its bytes and mean something else; the JDK's decoder refuses
     * overlong forms, surrogates and anything past U+10FFFF.
     */
    private static boolean strictUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The caller the authorizer vouched for, if the route has an authorizer and it allowed the call. */
    public Optional<Caller> caller() {
        Map<String, Object> lambda = authorizerContext();
        if (lambda == null || !(lambda.get("userId") instanceof String userId) || userId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(userId, roles(lambda.get("roles"))));
    }

    /**
     * The sign-in (refresh-token family) the caller's access token was issued to, as the
     * authorizer passes it; empty for a token that names none.
     */
    public Optional<String> sessionId() {
        Map<String, Object> lambda = authorizerContext();
        return lambda != null && lambda.get("sessionId") instanceof String id && !id.isBlank() ? Optional.of(id)
                : Optional.empty();
    }

    /** The context the Lambda authorizer returned, or null when the route has none. */
    private Map<String, Object> authorizerContext() {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        return authorizer == null ? null : authorizer.getLambda();
    }

    public Caller requireCaller() {
        return caller().orElseThrow(() -> new UnauthorizedException("Sign in to use this resource."));
    }

    public Caller requireRole(String role) {
        Caller caller = requireCaller();
        if (!caller.hasRole(role)) {
            throw new ForbiddenException("This resource needs the '" + role + "' role.");
        }
        return caller;
    }

    /**
     * Simple-response authorizer contexts hold strings: roles arrive comma-separated. A list is
     * accepted too, for invokers that pass the context through as JSON.
     */
    private static Set<String> roles(Object value) {
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof String text) {
            for (String role : text.split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.strip());
                }
            }
        } else if (value instanceof Collection<?> list) {
            for (Object role : list) {
                if (role instanceof String text && !text.isBlank()) {
                    roles.add(text.strip());
                }
            }
        }
        return roles;
    }

    private void requireJsonContentType() {
        String contentType = header("content-type")
                .orElseThrow(() -> new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Send the body as application/json with a Content-Type header."));
        // split(";", -1): ";" alone is two empty parts, not none (split drops trailing empties, leaving nothing to index).
        String[] parts = contentType.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean charsetOk = true;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                charsetOk = charset.equals("utf-8") || charset.equals("utf8");
            }
        }
        if (!mediaType.equals("application/json") || !charsetOk) {
            throw new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The body must be application/json in UTF-8.");
        }
    }

    private byte[] rawBody() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("The body is marked base64-encoded but is not valid base64.");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
