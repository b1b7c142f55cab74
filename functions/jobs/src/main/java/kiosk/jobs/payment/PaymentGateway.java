package kiosk.jobs.payment;

/**
 * A payment provider, as the payment job sees it: charge and refund, each under an idempotency
 * key derived from the order, so that however often a message is delivered, an order is charged
 * (and refunded) at most once. Stripe and the simulated gateway implement it.
 */
public interface PaymentGateway {

    /** What to charge: the order's total in minor units, on the shopper's payment-method token. */
    record ChargeRequest(String idempotencyKey, String orderId, long amount, String currency, String paymentMethod) {
    }

    /** A charge's outcome: succeeded with the provider's id, or declined with the provider's reason. */
    record Charge(String id, boolean succeeded, String declineCode) {

        public static Charge succeeded(String id) {
            return new Charge(id, true, null);
        }

        public static Charge declined(String id, String declineCode) {
            return new Charge(id, false, declineCode);
        }
    }

    /**
     * Charges once per idempotency key: the same key again answers the first outcome and charges
     * nothing. Throws {@link GatewayUnavailableException} when the provider cannot say (an outage,
     * a timeout, a "try again"): the caller tries again later with the same key.
     */
    Charge charge(ChargeRequest request);

    /**
     * The outcome of the charge made under this key, if one was made: how a message delivered after
     * its order ended (expired, cancelled) learns whether an earlier delivery charged it.
     */
    java.util.Optional<Charge> findCharge(String idempotencyKey);

    /** What to refund: a charge, in full (the order's total). */
    record RefundRequest(String idempotencyKey, String orderId, String chargeId, long amount, String currency) {
    }

    /** Refunds once per idempotency key and answers the refund's id; the same exception when it cannot say. */
    String refund(RefundRequest request);
}
