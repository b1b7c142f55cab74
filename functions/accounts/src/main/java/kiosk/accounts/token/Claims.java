package kiosk.accounts.token;

import java.util.List;

/** What a verified access token vouches for. Times are epoch seconds. */
public record Claims(String subject, List<String> roles, long issuedAt, long expiresAt, String id) {

    public Claims {
        roles = List.copyOf(roles);
    }
}
