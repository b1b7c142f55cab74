package kiosk.accounts.token;

import java.util.List;

/**
 * What a verified access token vouches for. Times are epoch seconds; {@code sessionId} is the
 * sign-in it was issued to (null in a token from before sessions were named).
 */
public record Claims(String subject, List<String> roles, long issuedAt, long expiresAt, String id, String sessionId) {

    public Claims {
        roles = List.copyOf(roles);
    }
}
