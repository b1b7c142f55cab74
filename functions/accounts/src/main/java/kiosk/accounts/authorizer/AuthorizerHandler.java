package kiosk.accounts.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Optional;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.Claims;
import kiosk.accounts.token.InvalidTokenException;
import kiosk.accounts.token.TokenWiring;
import kiosk.shared.config.Config;
import kiosk.shared.http.Headers;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The HttpApi's Lambda authorizer (REQUEST, payload 2.0, simple responses). Allows a request whose
 * Authorization header carries a valid access token, passing {@code userId} and comma-separated
 * {@code roles} as the context the handlers read. template.yaml runs it twice: as SignedIn, and as
 * Admin with REQUIRED_ROLE=admin, which also denies tokens without that role, so admin routes are
 * refused at the gateway before their function runs (the handlers check the role again).
 *
 * <p>The event arrives and the answer leaves as maps, not as aws-lambda-java-events' types: the
 * event class's request context formats dates with Joda-Time, which we do not ship, and without
 * the events library the authorizer's package stays small. The answer is the simple response
 * {@code {"isAuthorized": ..., "context": {...}}}.
 */
public final class AuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final String BEARER = "bearer ";

    private final AccessTokens tokens;
    private final Optional<String> requiredRole;

    public AuthorizerHandler() {
        this(TokenWiring.tokens(), Config.fromEnvironment().optional("REQUIRED_ROLE"));
        SnapStart.prime("Authorizer", () -> handleRequest(Map.of(), null));
    }

    public AuthorizerHandler(AccessTokens tokens, Optional<String> requiredRole) {
        this.tokens = tokens;
        this.requiredRole = requiredRole;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String apiRequestId = event != null && event.get("requestContext") instanceof Map<?, ?> requestContext
                && requestContext.get("requestId") instanceof String id ? id : null;
        try (Log.Scope ignored = Log.invocation(context, apiRequestId)) {
            String token = bearerToken(event);
            if (token == null) {
                return deny("no bearer token");
            }
            Claims claims;
            try {
                claims = tokens.verify(token);
            } catch (InvalidTokenException e) {
                return deny(e.reason());
            }
            if (requiredRole.isPresent() && !claims.roles().contains(requiredRole.get())) {
                Log.info("authorizer denied", "reason", "missing role", "userId", claims.subject());
                return answer(false, Map.of());
            }
            return answer(true, Map.of("userId", claims.subject(), "roles", String.join(",", claims.roles())));
        }
    }

    private static Map<String, Object> deny(String reason) {
        Log.info("authorizer denied", "reason", reason);
        return answer(false, Map.of());
    }

    private static Map<String, Object> answer(boolean authorized, Map<String, String> context) {
        return Map.of("isAuthorized", authorized, "context", context);
    }

    /** The token of an {@code Authorization: Bearer <token>} header; the scheme's case does not matter. */
    private static String bearerToken(Map<String, Object> event) {
        @SuppressWarnings("unchecked")
        Map<String, ?> headers = event != null && event.get("headers") instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
        String value = Headers.find(headers, "authorization").orElse(null);
        if (value == null || value.length() <= BEARER.length()
                || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return value.substring(BEARER.length()).strip();
    }
}
