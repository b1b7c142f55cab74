package kiosk.jobs.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A payment gateway for stages without a Stripe key (the local runtime, tests): it answers by
 * payment-method token the way Stripe's test cards do, can be switched into a whole-gateway outage
 * or made slow, and keeps a ledger of every charge and refund by idempotency key in the
 * PaymentSimulatorTable, so its state outlives an invocation and a double charge is countable.
 *
 * <p>Tokens: {@code pm_card_chargeDeclined} (card_declined),
 * {@code pm_card_chargeDeclinedInsufficientFunds} (insufficient_funds),
 * {@code pm_card_chargeDeclinedExpiredCard} (expired_card), {@code pm_card_retry} (unavailable on
 * the first attempt of each key, then charged); any other token is charged.
 */
public final class SimulatedGateway implements PaymentGateway {

    static final Map<String, String> DECLINES = Map.of("pm_card_chargeDeclined", "card_declined",
            "pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds",
            "pm_card_chargeDeclinedExpiredCard", "expired_card");
    static final String RETRY = "pm_card_retry";
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final SimulatorStore store;
    private final Clock clock;

    public SimulatedGateway(SimulatorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Charge charge(ChargeRequest request) {
        call();
        SimulatorStore.Entry earlier = store.find(request.idempotencyKey()).orElse(null);
        if (earlier == null && RETRY.equals(request.paymentMethod()) && store.attempt(request.idempotencyKey()) == 1) {
            throw new GatewayUnavailableException("the simulated gateway asks to try again (" + RETRY + ")");
        }
        String decline = DECLINES.get(request.paymentMethod());
        SimulatorStore.Entry entry = earlier != null ? earlier : store.recordOnce(new SimulatorStore.Entry(
                request.idempotencyKey(), "ch_sim_" + UUID.randomUUID().toString().replace("-", ""), request.orderId(),
                request.amount(), request.currency(), request.paymentMethod(), decline == null ? "SUCCEEDED" : "DECLINED",
                decline, null, Instant.now(clock).toString()));
        if (entry.amount() != request.amount() || !entry.currency().equals(request.currency())) {
            // Stripe answers an idempotency_error: the same key may not charge something else.
            throw new IllegalStateException("idempotency key " + request.idempotencyKey() + " was used for "
                    + entry.amount() + " " + entry.currency() + ", not " + request.amount() + " " + request.currency());
        }
        return entry.outcome().equals("SUCCEEDED") ? Charge.succeeded(entry.id()) : Charge.declined(entry.id(),
                entry.declineCode());
    }

    @Override
    public java.util.Optional<Charge> findCharge(String idempotencyKey) {
        call();
        return store.find(idempotencyKey).filter(e -> !e.outcome().equals("REFUNDED"))
                .map(e -> e.outcome().equals("SUCCEEDED") ? Charge.succeeded(e.id()) : Charge.declined(e.id(), e.declineCode()));
    }

    @Override
    public String refund(RefundRequest request) {
        call();
        return store.recordOnce(new SimulatorStore.Entry(request.idempotencyKey(), "re_sim_" + UUID.randomUUID().toString()
                .replace("-", ""), request.orderId(), request.amount(), request.currency(), "", "REFUNDED", null,
                request.chargeId(), Instant.now(clock).toString())).id();
    }

    /**
     * Every call meets the switches first: an outage answers nothing, a latency waits. A call
     * slower than {@link #CALL_TIMEOUT} times out as a real client's would (Stripe's is as short):
     * the gateway is unavailable, and the job holds the message back.
     */
    private void call() {
        SimulatorStore.Switches switches = store.switches();
        if (switches.latencyMillis() > 0) {
            try {
                Thread.sleep(Math.min(switches.latencyMillis(), CALL_TIMEOUT.toMillis()));
                if (switches.latencyMillis() >= CALL_TIMEOUT.toMillis()) {
                    throw new GatewayUnavailableException("the simulated gateway did not answer within " + CALL_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailableException("interrupted while the simulated gateway was slow");
            }
        }
        if (switches.outage()) {
            throw new GatewayUnavailableException("the simulated gateway is down (its outage switch is on)");
        }
    }
}
