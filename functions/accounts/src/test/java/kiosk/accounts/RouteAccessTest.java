package kiosk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kiosk.emulator.Template;
import org.junit.jupiter.api.Test;

/**
 * Every HTTP route of template.yaml says who may call it, and the public ones are exactly the
 * ones meant to be: a new public route has to be added here on purpose.
 */
class RouteAccessTest {

    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /health", "NONE"),
            Map.entry("GET /products", "NONE"),
            Map.entry("GET /products/{id}", "NONE"),
            Map.entry("POST /products", "Admin"),
            Map.entry("PUT /products/{id}", "Admin"),
            Map.entry("DELETE /products/{id}", "Admin"),
            Map.entry("POST /auth/signup", "NONE"),
            Map.entry("POST /auth/login", "NONE"),
            Map.entry("POST /auth/refresh", "NONE"),
            Map.entry("POST /auth/logout", "SignedIn"),
            Map.entry("GET /me", "SignedIn"),
            Map.entry("POST /me/password", "SignedIn"),
            // The emailed token is the credential of a reset.
            Map.entry("POST /auth/password-reset", "NONE"),
            Map.entry("POST /auth/password-reset/confirm", "NONE"),
            Map.entry("GET /me/export", "SignedIn"),
            Map.entry("DELETE /me", "SignedIn"),
            // The shipping partner has no account: its requests are signed instead (HMAC, README).
            Map.entry("POST /webhooks/shipping", "NONE"),
            Map.entry("GET /me/notifications", "SignedIn"),
            Map.entry("POST /me/notifications/{id}/read", "SignedIn"),
            Map.entry("GET /admin/reports/daily", "Admin"),
            Map.entry("GET /admin/reports/daily/{date}", "Admin")));

    private final Template template = Template.project();

    @Test
    void everyRouteDeclaresPublicSignedInOrAdmin() {
        Map<String, String> declared = new TreeMap<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            if (function.get("Events") instanceof Map<?, ?> events) {
                events.values().forEach(event -> {
                    Map<?, ?> e = (Map<?, ?>) event;
                    if ("HttpApi".equals(e.get("Type"))) {
                        Map<?, ?> properties = (Map<?, ?>) e.get("Properties");
                        Object auth = properties.get("Auth") instanceof Map<?, ?> a ? a.get("Authorizer") : null;
                        declared.put(properties.get("Method") + " " + properties.get("Path"), String.valueOf(auth));
                    }
                });
            }
        });
        assertTrue(declared.values().stream().allMatch(Set.of("NONE", "SignedIn", "Admin")::contains), declared::toString);
        for (String route : EXPECTED.keySet()) {
            assertEquals(EXPECTED.get(route), declared.get(route), route);
        }
        assertTrue(declared.entrySet().stream().filter(e -> e.getValue().equals("NONE"))
                .allMatch(e -> "NONE".equals(EXPECTED.get(e.getKey()))), "public routes: " + declared);
    }

    @Test
    void bothAuthorizersAreRequestAuthorizersWithSimpleResponsesAndAShortCache() {
        Map<?, ?> api = template.resources("AWS::Serverless::HttpApi").get("HttpApi");
        Map<?, ?> auth = (Map<?, ?>) ((Map<?, ?>) api).get("Auth");
        assertEquals("SignedIn", auth.get("DefaultAuthorizer"), "a route that says nothing is closed");
        Map<?, ?> authorizers = (Map<?, ?>) auth.get("Authorizers");
        assertEquals(Set.of("SignedIn", "Admin"), authorizers.keySet());
        for (Object value : authorizers.values()) {
            Map<?, ?> authorizer = (Map<?, ?>) value;
            assertEquals("2.0", authorizer.get("AuthorizerPayloadFormatVersion"));
            assertEquals(true, authorizer.get("EnableSimpleResponses"));
            Map<?, ?> identity = (Map<?, ?>) authorizer.get("Identity");
            assertEquals(java.util.List.of("Authorization"), identity.get("Headers"));
            // No cache: a cached allow would outlive an erasure or a password reset at the gateway.
            assertEquals(0, ((Number) identity.get("ReauthorizeEvery")).intValue());
        }
        Map<?, ?> admin = template.resources("AWS::Serverless::Function").get("AdminAuthorizerFunction");
        assertEquals("admin", ((Map<?, ?>) ((Map<?, ?>) admin.get("Environment")).get("Variables")).get("REQUIRED_ROLE"));
    }

    @Test
    void signupCanWriteNoRoleAttemptsOrSessions() {
        Map<?, ?> signup = template.resources("AWS::Serverless::Function").get("SignupFunction");
        String policies = String.valueOf(signup.get("Policies"));
        assertTrue(!policies.contains("SessionsTable") && !policies.contains("secretsmanager"), policies);
        for (Object statement : (java.util.List<?>) ((Map<?, ?>) ((java.util.List<?>) signup.get("Policies")).get(0)).get("Statement")) {
            String text = String.valueOf(statement);
            if (text.contains("UsersTable")) {
                assertTrue(text.contains("Action=dynamodb:PutItem,"), "on the users table, puts only: " + text);
            } else {
                // Its rate limit's counters, its own scope's only.
                assertTrue(text.contains("RateLimitsTable") && text.contains("Action=dynamodb:UpdateItem,")
                        && text.contains("[signup#*]"), text);
            }
        }
    }
}
