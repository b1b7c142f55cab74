package kiosk.jobs.payment;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The simulated gateway's control (PaymentSimulatorFunction; no event source): invoked with
 * {@code {"outage": true|false, "latencyMillis": 0..30000}} (either, both or neither), it sets
 * those switches and answers them with a summary of the ledger: charges, declines, refunds, and
 * double charges (orders charged successfully under more than one key, which must stay 0). The
 * local runtime serves it as GET and PUT /_local/payment-simulator; in a deployed test stage,
 * {@code aws lambda invoke} does the same.
 */
public final class PaymentSimulatorHandler extends EventFunction {

    static final long MAX_LATENCY_MILLIS = 30_000;

    private final SimulatorStore store;

    public PaymentSimulatorHandler() {
        this(JobsWiring.simulator());
        // No switch given: the switches and the ledger are read, nothing is set.
        SnapStart.prime("PaymentSimulator", () -> prime(Map.of()));
    }

    public PaymentSimulatorHandler(SimulatorStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (Log.Scope ignored = Log.invocation(context, null)) {
            return invoke(event, context);
        }
    }

    private Map<String, Object> invoke(Map<String, Object> event, Context context) {
        Map<String, Object> input = event == null ? Map.of() : event;
        for (String name : input.keySet()) {
            if (!name.equals("outage") && !name.equals("latencyMillis")) {
                throw new IllegalArgumentException("unknown switch " + name + ": the switches are outage and latencyMillis");
            }
        }
        SimulatorStore.Switches now = store.switches();
        boolean outage = now.outage();
        long latency = now.latencyMillis();
        if (input.containsKey("outage")) {
            if (!(input.get("outage") instanceof Boolean on)) {
                throw new IllegalArgumentException("outage must be true or false");
            }
            outage = on;
        }
        if (input.containsKey("latencyMillis")) {
            if (!(input.get("latencyMillis") instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0
                    || n.longValue() > MAX_LATENCY_MILLIS) {
                throw new IllegalArgumentException("latencyMillis must be a whole number from 0 to " + MAX_LATENCY_MILLIS);
            }
            latency = n.longValue();
        }
        if (outage != now.outage() || latency != now.latencyMillis()) {
            store.setSwitches(new SimulatorStore.Switches(outage, latency));
            Log.info("payment simulator switched", "outage", outage, "latencyMillis", latency);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outage", outage);
        answer.put("latencyMillis", latency);
        answer.put("ledger", summary(store.ledger()));
        return answer;
    }

    private static Map<String, Object> summary(List<SimulatorStore.Entry> ledger) {
        Map<String, Integer> chargedPerOrder = new HashMap<>();
        int declined = 0;
        int refunded = 0;
        for (SimulatorStore.Entry entry : ledger) {
            switch (entry.outcome()) {
                case "SUCCEEDED" -> chargedPerOrder.merge(entry.orderId(), 1, Integer::sum);
                case "DECLINED" -> declined++;
                case "REFUNDED" -> refunded++;
                default -> {
                    // An entry of a kind this summary does not count.
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("charges", chargedPerOrder.values().stream().mapToInt(Integer::intValue).sum());
        summary.put("declines", declined);
        summary.put("refunds", refunded);
        summary.put("doubleCharges", chargedPerOrder.values().stream().filter(count -> count > 1).count());
        return summary;
    }
}
