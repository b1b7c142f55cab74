package kiosk.jobs.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.OrderStore;
import kiosk.orders.checkout.Timestamps;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;

/**
 * Settles the money of an order announced to the payment job, by the status it is in now:
 * <ul>
 *   <li>PENDING_PAYMENT: charges its total once, then moves it to PAID, or, declined, to
 *       PAYMENT_FAILED with its stock and promotion redemption given back in the same transaction;</li>
 *   <li>CANCELLING (cancelled after payment): refunds the charge, then moves it to CANCELLED with
 *       its stock and redemption given back;</li>
 *   <li>EXPIRED or CANCELLED while an earlier delivery was charging it: refunds that charge and
 *       records why on the order;</li>
 *   <li>anything else: done already.</li>
 * </ul>
 *
 * <p>Every step is safe to repeat, because a message can be delivered twice and a process can die
 * between any two steps. The charge's idempotency key is derived from the order ("order-ID"), so a
 * second delivery, or one after a crash between the charge and the status write, meets the first
 * charge and finishes the order without charging again; the refund's likewise ("refund-order-ID").
 * The status writes are conditional on the status and version read: when the order moved
 * meanwhile (expired, cancelled), it is read again and settled from where it is now.
 */
public final class PaymentService {

    /** What became of the order. */
    public enum Outcome {
        /** Charged and PAID now. */
        PAID,
        /** Declined: PAYMENT_FAILED, stock and code given back. */
        DECLINED,
        /** Nothing to do: handled by an earlier delivery. */
        ALREADY_DONE,
        /** Its charge was given back: cancelled after payment, or ended while it was being charged. */
        REFUNDED
    }

    static final String CANCELLED_AFTER_PAYMENT = "cancelled after payment";

    private final OrderStore orders;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final Metrics metrics;

    public PaymentService(OrderStore orders, PaymentGateway gateway, Clock clock, Metrics metrics) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
        this.metrics = metrics;
    }

    public PaymentService(OrderStore orders, PaymentGateway gateway, Clock clock) {
        this(orders, gateway, clock, new Metrics("payments", clock));
    }

    public static String chargeKey(String orderId) {
        return "order-" + orderId;
    }

    public static String refundKey(String orderId) {
        return "refund-order-" + orderId;
    }

    /** The metrics this service records into (charge latency); the handler adds its counts and flushes. */
    Metrics metrics() {
        return metrics;
    }

    /**
     * Settles the order. Throws {@link UnknownOrderException} for an order that does not exist (a
     * poison message) and {@link GatewayUnavailableException} when the gateway cannot say (try
     * again later: nothing has changed that a retry would repeat wrongly).
     */
    public Outcome settle(String orderId) {
        for (int round = 0; ; round++) {
            Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
            try {
                return switch (order.status()) {
                    case PENDING_PAYMENT -> pay(order);
                    case CANCELLING -> refundAndCancel(order);
                    case EXPIRED, CANCELLED -> refundIfCharged(order);
                    default -> Outcome.ALREADY_DONE;
                };
            } catch (VersionConflictException moved) {
                // The order moved between the read and the write: read it again and decide from there.
                if (round == 3) {
                    throw moved;
                }
            }
        }
    }

    private Outcome pay(Order order) {
        long started = System.nanoTime();
        PaymentGateway.Charge charge = gateway.charge(new PaymentGateway.ChargeRequest(chargeKey(order.id()), order.id(),
                order.totals().total(), order.currency(), order.paymentMethod()));
        metrics.milliseconds("ChargeLatency", (System.nanoTime() - started) / 1_000_000);
        if (charge.succeeded()) {
            orders.markPaid(order, charge.id(), now());
            // amount and currency: the dashboard sums revenue per currency from these lines.
            Log.info("order paid", "orderId", order.id(), "chargeId", charge.id(), "amount", order.totals().total(),
                    "currency", order.currency());
            return Outcome.PAID;
        }
        orders.release(order, OrderStatus.PAYMENT_FAILED, now());
        Log.info("payment declined", "orderId", order.id(), "declineCode", charge.declineCode());
        return Outcome.DECLINED;
    }

    /** A paid order cancelled before fulfilment: the money back first, then the order and its units. */
    private Outcome refundAndCancel(Order order) {
        Optional<PaymentGateway.Charge> charged = succeededCharge(order);
        if (charged.isPresent()) {
            refund(order, charged.get(), CANCELLED_AFTER_PAYMENT);
        } else {
            Log.warn("a paid order had no charge to refund", "orderId", order.id());
        }
        orders.release(order, OrderStatus.CANCELLED, now());
        return charged.isPresent() ? Outcome.REFUNDED : Outcome.ALREADY_DONE;
    }

    /**
     * An order that ended (expired, cancelled) while an earlier delivery charged it: that charge
     * goes back, once, and the order says why.
     */
    private Outcome refundIfCharged(Order order) {
        if (orders.findRefund(order.id()).isPresent()) {
            return Outcome.ALREADY_DONE;
        }
        Optional<PaymentGateway.Charge> charged = succeededCharge(order);
        if (charged.isEmpty()) {
            return Outcome.ALREADY_DONE;
        }
        refund(order, charged.get(), order.status().name().toLowerCase(Locale.ROOT)
                + " while its payment was being taken");
        return Outcome.REFUNDED;
    }

    /** The charge an earlier delivery made for the order under its key, if it went through. */
    private Optional<PaymentGateway.Charge> succeededCharge(Order order) {
        return gateway.findCharge(chargeKey(order.id())).filter(PaymentGateway.Charge::succeeded);
    }

    private void refund(Order order, PaymentGateway.Charge charge, String reason) {
        String refund = gateway.refund(new PaymentGateway.RefundRequest(refundKey(order.id()), order.id(),
                charge.id(), order.totals().total(), order.currency()));
        orders.recordRefund(order.id(), charge.id(), refund, reason);
        if (reason.equals(CANCELLED_AFTER_PAYMENT)) {
            Log.info("order refunded", "orderId", order.id(), "chargeId", charge.id(), "refundId", refund, "reason", reason);
        } else {
            Log.warn("order refunded", "orderId", order.id(), "status", order.status().name(), "chargeId", charge.id(),
                    "refundId", refund, "reason", reason);
        }
    }

    private String now() {
        return Timestamps.of(Instant.now(clock));
    }
}
