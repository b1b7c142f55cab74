package kiosk.accounts.token;

import java.util.List;

/**
 * What a verified access token vouches for. Times are epoch seconds but {@code issuedAtMillis},
 * the same instant to the millisecond (iat's second start in a token from before it was carried);
 * {@code sessionId} is the sign-in it was issued to (null in a token from before sessions were named).
 */
public record Claims(String subject, List<String> roles, long issuedAt, long issuedAtMillis, long expiresAt, String id,
                     String sessionId) {

    public Claims {
        roles = List.copyOf(roles);
    }
}
