package kiosk.orders.promotion;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;
import kiosk.shared.money.Money;

/** The body of POST /admin/promotions. */
public record PromotionInput(String code, String kind, Integer percentOff, Money amountOff, Money minSubtotal,
                             String validFrom, String validUntil, Integer maxRedemptions, Integer perCustomerLimit)
        implements Validated {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");
    public static final long MAX_AMOUNT = 1_000_000_000L;

    @Override
    public void validate(Checks checks) {
        checks.matches(code, CODE, "/code", "must be 2-32 capital letters, digits or '-', such as 'WELCOME10'");
        boolean percent = "PERCENT".equals(kind);
        boolean fixed = "FIXED".equals(kind);
        checks.require(percent || fixed, "/kind", "must be PERCENT or FIXED");
        if (percent && checks.present(percentOff, "/percentOff")) {
            checks.range(percentOff, 1, 100, "/percentOff");
        }
        if (percent) {
            checks.require(amountOff == null, "/amountOff", "is for FIXED promotions only");
        }
        if (fixed && checks.present(amountOff, "/amountOff")) {
            money(checks, amountOff, "/amountOff");
        }
        if (fixed) {
            checks.require(percentOff == null, "/percentOff", "is for PERCENT promotions only");
            checks.require(minSubtotal == null || amountOff == null || minSubtotal.currency() == null
                    || minSubtotal.currency().equals(amountOff.currency()), "/minSubtotal/currency",
                    "must be the currency of amountOff");
        }
        if (minSubtotal != null) {
            money(checks, minSubtotal, "/minSubtotal");
        }
        Instant from = instant(checks, validFrom, "/validFrom");
        Instant until = instant(checks, validUntil, "/validUntil");
        if (from != null && until != null) {
            checks.require(until.isAfter(from), "/validUntil", "must be after validFrom");
        }
        if (checks.present(maxRedemptions, "/maxRedemptions")) {
            checks.range(maxRedemptions, 1, 10_000_000, "/maxRedemptions");
        }
        if (perCustomerLimit != null) {
            checks.range(perCustomerLimit, 1, 1000, "/perCustomerLimit");
        }
    }

    private static void money(Checks checks, Money money, String at) {
        if (checks.present(money.amount(), at + "/amount")) {
            checks.range(money.amount(), 1, MAX_AMOUNT, at + "/amount");
        }
        checks.require(Money.isCurrency(money.currency()), at + "/currency", "must be an ISO 4217 code such as 'EUR'");
    }

    private static Instant instant(Checks checks, String text, String at) {
        if (!checks.present(text, at)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            checks.require(false, at, "must be an ISO-8601 UTC instant such as '2026-12-01T00:00:00Z'");
            return null;
        }
    }
}
