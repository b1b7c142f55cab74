package kiosk.accounts.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * What the shop's other tables hold about an account: its cart, its orders, its inbox and its
 * promotion redemptions. (The account itself and its sign-ins are the UserStore's and the
 * SessionStore's.)
 */
public interface PersonalData {

    /** An order of the account not yet at an end. */
    record OpenOrder(String orderId, String status) {
    }

    /**
     * Writes {@code cart}, {@code orders}, {@code notifications} and {@code promotionRedemptions}
     * as members of the JSON object {@code json} has open, each item as stored, read a page at a time.
     */
    void export(String userId, JsonGenerator json) throws IOException;

    /** The account's orders still on their way: not delivered, cancelled, expired, failed or returned. */
    List<OpenOrder> ordersInProgress(String userId);

    /**
     * Deletes the cart, the notifications and the redemption counters, and anonymises every order:
     * the account's id replaced by {@code tombstoneId}, the address's name, lines, city and postal
     * code removed (the country stays, for tax). Idempotent: an erasure cut short is run again.
     */
    void erase(String userId, String tombstoneId);
}
