package kiosk.orders.promotion;

import java.util.List;
import java.util.Optional;

/** Promotion codes and how often each shopper has redeemed them. */
public interface PromotionStore {

    /** Stores a new code; an existing code is a ConflictException. */
    void create(Promotion promotion);

    Optional<Promotion> find(String code);

    /** How many times this shopper has redeemed the code (cancelled orders give theirs back). */
    int redeemedBy(String code, String userId);

    /** Codes in code order, after a code from an earlier page. */
    Page list(int limit, Optional<String> afterCode);

    /** Stops a code from being redeemed from now on; NotFoundException if there is no such code. */
    Promotion deactivate(String code);

    record Page(List<Promotion> items, Optional<String> next) {
    }
}
