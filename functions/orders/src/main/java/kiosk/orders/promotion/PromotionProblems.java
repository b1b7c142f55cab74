package kiosk.orders.promotion;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/**
 * Why a code does not apply, each its own problem type (422: the request is well formed, the
 * code cannot be used with it). The preview and the checkout answer the same.
 */
public final class PromotionProblems {

    public static final ProblemType UNKNOWN = new ProblemType("promo-code-unknown", 422, "Unknown promotion code");
    public static final ProblemType INACTIVE = new ProblemType("promo-code-inactive", 422, "Promotion code inactive");
    public static final ProblemType NOT_YET_VALID = new ProblemType("promo-code-not-yet-valid", 422, "Promotion code not yet valid");
    public static final ProblemType EXPIRED = new ProblemType("promo-code-expired", 422, "Promotion code expired");
    public static final ProblemType EXHAUSTED = new ProblemType("promo-code-exhausted", 422, "Promotion code used up");
    public static final ProblemType LIMIT_REACHED = new ProblemType("promo-code-limit-reached", 422,
            "Promotion code used up for this shopper");
    public static final ProblemType MINIMUM_NOT_MET = new ProblemType("promo-code-minimum-not-met", 422,
            "Promotion minimum not met");
    public static final ProblemType CURRENCY = new ProblemType("promo-code-currency-mismatch", 422,
            "Promotion code in another currency");

    private PromotionProblems() {
    }

    static DomainException of(ProblemType type, String detail) {
        return new DomainException(type, detail);
    }
}
