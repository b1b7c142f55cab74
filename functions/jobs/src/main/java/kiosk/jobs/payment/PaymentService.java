package kiosk.jobs.payment;

import java.time.Clock;
import java.time.Instant;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.OrderStore;
import kiosk.orders.checkout.Timestamps;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.log.Log;

/**
 * Pays an order announced by checkout: charges its total once, then moves it to PAID, or, declined,
 * to PAYMENT_FAILED with its stock and promotion redemption given back in the same transaction.
 *
 * <p>Every step is safe to repeat, because a message can be delivered twice and a process can die
 * between any two steps. The charge's idempotency key is derived from the order ("order-ID"), so
 * a second delivery, or one after a crash between the charge and the status write, meets the
 * first charge and finishes the order without charging again. The status writes are conditional
 * on the status and version read; the order that moved meanwhile (expired, cancelled) wins, and a
 * charge that succeeded for it is refunded, under its own derived key.
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
        /** It ended (expired, cancelled) while it was being charged: the charge was refunded. */
        REFUNDED
    }

    private final OrderStore orders;
    private final PaymentGateway gateway;
    private final Clock clock;

    public PaymentService(OrderStore orders, PaymentGateway gateway, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.clock = clock;
    }

    public static String chargeKey(String orderId) {
        return "order-" + orderId;
    }

    public static String refundKey(String orderId) {
        return "refund-order-" + orderId;
    }

    /**
     * Pays the order. Throws {@link UnknownOrderException} for an order that does not exist (a
     * poison message) and {@link GatewayUnavailableException} when the gateway cannot say (try
     * again later: nothing has changed that a retry would repeat wrongly).
     */
    public Outcome pay(String orderId) {
        for (int round = 0; ; round++) {
            Order order = orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                return settleEnded(order);
            }
            PaymentGateway.Charge charge = gateway.charge(new PaymentGateway.ChargeRequest(chargeKey(order.id()), order.id(),
                    order.totals().total(), order.currency(), order.paymentMethod()));
            String now = Timestamps.of(Instant.now(clock));
            try {
                if (charge.succeeded()) {
                    orders.markPaid(order, charge.id(), now);
                    Log.info("order paid", "orderId", order.id(), "chargeId", charge.id());
                    return Outcome.PAID;
                }
                orders.release(order, OrderStatus.PAYMENT_FAILED, now);
                Log.info("payment declined", "orderId", order.id(), "declineCode", charge.declineCode());
                return Outcome.DECLINED;
            } catch (VersionConflictException moved) {
                // The order moved between the read and the write: read it again and decide from there.
                if (round == 3) {
                    throw moved;
                }
            }
        }
    }

    /**
     * An order no longer awaiting payment: done, unless it ended (expired, cancelled) after an
     * earlier delivery charged it; then that charge goes back.
     */
    private Outcome settleEnded(Order order) {
        if (order.status() != OrderStatus.EXPIRED && order.status() != OrderStatus.CANCELLED) {
            return Outcome.ALREADY_DONE;
        }
        var charged = gateway.findCharge(chargeKey(order.id())).filter(PaymentGateway.Charge::succeeded);
        if (charged.isEmpty()) {
            return Outcome.ALREADY_DONE;
        }
        String refund = gateway.refund(new PaymentGateway.RefundRequest(refundKey(order.id()), order.id(),
                charged.get().id(), order.totals().total(), order.currency()));
        Log.warn("order refunded: it ended while it was being charged", "orderId", order.id(), "status",
                order.status().name(), "chargeId", charged.get().id(), "refundId", refund);
        return Outcome.REFUNDED;
    }
}
