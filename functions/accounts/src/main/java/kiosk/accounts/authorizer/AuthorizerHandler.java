package kiosk.accounts.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.Claims;
import kiosk.accounts.token.InvalidTokenException;
import kiosk.accounts.token.TokenWiring;
import kiosk.shared.config.Config;
import kiosk.shared.http.Headers;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The HttpApi's Lambda authorizer (REQUEST, payload 2.0, simple responses). Allows a request whose
 * Authorization header carries a valid access token, passing {@code userId} and comma-separated
 * {@code roles} as the context the handlers read. template.yaml runs it twice: as SignedIn, and as
 * Admin with REQUIRED_ROLE=admin, which also denies tokens without that role, so admin routes are
 * refused at the gateway before their function runs (the handlers check the role again). A valid
 * token is also refused when its account is gone (erased) or was reset after the token was issued
 * ({@link AccountStates}): a stolen or leftover token dies with the account or with a reset. The
 * context carries {@code sessionId} too when the token names its sign-in.
 *
 * <p>The event arrives and the answer leaves as maps, not as aws-lambda-java-events' types: the
 * event class's request context formats dates with Joda-Time, which we do not ship, and without
 * the events library the authorizer's package stays small. The answer is the simple response
 * {@code {"isAuthorized": ..., "context": {...}}}.
 */
public final class AuthorizerHandler extends EventFunction {

    private static final String BEARER = "bearer ";
    private static final String PRIMING_USER = "snapstart-priming";
    private static final Instant PRIMED_AT = Instant.parse("2000-01-01T00:00:00Z");

    private final AccessTokens tokens;
    private final AccountStates accounts;
    private final Optional<String> requiredRole;

    public AuthorizerHandler() {
        this(TokenWiring.tokens(), AuthorizerWiring.accounts(), Config.fromEnvironment().optional("REQUIRED_ROLE"));
        SnapStart.prime("Authorizer", () -> {
            prime(Map.of());
            // A token signed with this deployment's key but issued in 2000: verified to its
            // expiry and refused. It was never valid, so the snapshot holds nothing that admits.
            prime(Map.of("headers", Map.of("authorization", "Bearer " + tokens.issue(PRIMING_USER, List.of("admin"),
                    PRIMING_USER, PRIMED_AT)), "requestContext", Map.of("requestId", PRIMING_USER)));
            // The account read as a real request's is: missing, then found with its item unmarshalled
            // (seeded in the primer's sandbox, never in the table).
            accounts.admits(PRIMING_USER, 0, 0);
            AuthorizerWiring.accounts().seedForPriming(PRIMING_USER);
            accounts.admits(PRIMING_USER, 0, 0);
        });
    }

    public AuthorizerHandler(AccessTokens tokens, AccountStates accounts, Optional<String> requiredRole) {
        this.tokens = tokens;
        this.accounts = accounts;
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
            if (!accounts.admits(claims.subject(), claims.issuedAt(), claims.issuedAtMillis())) {
                Log.info("authorizer denied", "reason", "account erased, or reset since the token", "userId", claims.subject());
                return answer(false, Map.of());
            }
            Map<String, String> caller = new LinkedHashMap<>();
            caller.put("userId", claims.subject());
            caller.put("roles", String.join(",", claims.roles()));
            if (claims.sessionId() != null) {
                caller.put("sessionId", claims.sessionId());
            }
            return answer(true, caller);
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
