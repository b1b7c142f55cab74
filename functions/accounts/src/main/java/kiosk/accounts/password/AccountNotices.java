package kiosk.accounts.password;

import java.time.Instant;

/**
 * What the account tells its owner, through the NotificationsQueue (the notifications job writes
 * it to their inbox and emails it): a password changed, or a reset asked for, with its token.
 */
public interface AccountNotices {

    void passwordChanged(String userId, Instant at);

    /** The token goes only into the email, never into the inbox or a log. */
    void passwordReset(String userId, String token, Instant expiresAt, Instant at);
}
