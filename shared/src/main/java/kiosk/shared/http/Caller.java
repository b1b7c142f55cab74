package kiosk.shared.http;

import java.util.Set;

/** Who is calling, as the Lambda authorizer vouched for it in the request's authorizer context. */
public record Caller(String userId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
