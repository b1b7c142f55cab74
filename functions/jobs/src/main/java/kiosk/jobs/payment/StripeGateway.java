package kiosk.jobs.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import java.util.Locale;
import java.util.Optional;

/**
 * Stripe, through its Java client: a charge is a PaymentIntent created and confirmed in one call
 * with the order's payment-method token, amount and currency, off session (the shopper is not
 * there to pass a 3-D Secure challenge, so one that needs it is a decline, not a wait); a refund
 * is a Refund of that PaymentIntent. Both carry the idempotency key derived from the order, so
 * Stripe answers a repeat with the first outcome instead of charging again (for 24 hours, longer
 * than the payment job ever retries).
 *
 * <p>What Stripe answers maps onto the gateway's three outcomes: a card error is a decline with
 * its decline code; a connection failure, a rate limit or a 5xx is "unavailable, try again"; a key
 * reused with other parameters is a programming error (IllegalStateException), as in the simulator.
 */
public final class StripeGateway implements PaymentGateway {

    private final StripeClient stripe;

    public StripeGateway(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** A client for this API key; {@code apiBase} empty for Stripe itself (set for stripe-mock). */
    public static StripeClient client(String apiKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(apiKey)
                // No retries of its own and 5 s at most a call: a slow Stripe becomes a message held
                // back with the job's backoff (under the same idempotency key), never a function
                // that times out mid-batch (PayOrdersHandler.TIME_PER_MESSAGE counts on it).
                .setMaxNetworkRetries(0).setConnectTimeout(2_000).setReadTimeout(3_000);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        return builder.build();
    }

    @Override
    public Charge charge(ChargeRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .setConfirm(true)
                .setOffSession(true)
                .putMetadata("order_id", request.orderId())
                .putMetadata("idempotency_key", request.idempotencyKey())
                .build();
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, keyed(request.idempotencyKey()));
            return outcome(intent);
        } catch (CardException declined) {
            return Charge.declined(declined.getCharge(), declined.getDeclineCode() != null ? declined.getDeclineCode()
                    : String.valueOf(declined.getCode()));
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    /**
     * The PaymentIntent an earlier charge under this key created, found by the key recorded in its
     * metadata. Stripe's search is eventually consistent (seconds behind); the payment job asks
     * only about orders that ended minutes after the charge, and a refund reaches Stripe under its
     * own key, so a late answer delays a refund, never doubles one.
     */
    @Override
    public Optional<Charge> findCharge(String idempotencyKey) {
        try {
            var found = stripe.v1().paymentIntents().search(PaymentIntentSearchParams.builder()
                    .setQuery("metadata['idempotency_key']:'" + idempotencyKey.replace("'", "") + "'")
                    .setLimit(1L).build());
            return found.getData().stream().findFirst().map(StripeGateway::outcome);
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    @Override
    public String refund(RefundRequest request) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.chargeId())
                .setAmount(request.amount())
                .putMetadata("order_id", request.orderId())
                .build();
        try {
            return stripe.v1().refunds().create(params, keyed(request.idempotencyKey())).getId();
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** A confirmed PaymentIntent: succeeded, or declined with why (an authentication it cannot pass here). */
    private static Charge outcome(PaymentIntent intent) {
        String status = String.valueOf(intent.getStatus());
        return switch (status) {
            case "succeeded" -> Charge.succeeded(intent.getId());
            // Not final yet (a bank transfer, a delayed capture): ask again later under the same key.
            case "processing" -> throw new GatewayUnavailableException("Stripe is still processing " + intent.getId());
            default -> {
                StripeError error = intent.getLastPaymentError();
                String code = error == null ? null : error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
                yield Charge.declined(intent.getId(), code != null ? code
                        : status.equals("requires_action") ? "authentication_required" : status);
            }
        };
    }

    /** What to make of an error other than a card's: try again, or a fault of ours. */
    private static RuntimeException failure(StripeException e) {
        Integer status = e.getStatusCode();
        if (e instanceof ApiConnectionException || e instanceof RateLimitException || status == null || status >= 500) {
            return new GatewayUnavailableException("Stripe did not answer: " + e.getClass().getSimpleName()
                    + (status == null ? "" : " " + status));
        }
        if (e instanceof IdempotencyException) {
            return new IllegalStateException("Stripe refused a reused idempotency key: " + e.getMessage());
        }
        return new IllegalStateException("Stripe refused the request (" + status + " " + e.getCode() + "): "
                + e.getMessage());
    }
}
