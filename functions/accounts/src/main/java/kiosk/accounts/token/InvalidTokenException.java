package kiosk.accounts.token;

import kiosk.shared.error.UnauthorizedException;

/**
 * A bearer token we do not accept. The client only learns that it is not accepted; the reason is
 * for our logs, so that probing tells an attacker nothing about which check failed.
 */
public final class InvalidTokenException extends UnauthorizedException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public InvalidTokenException(String reason) {
        super("The access token is not valid. Sign in again or refresh it.");
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
