package kiosk.fulfilment.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kiosk.shared.lambda.EventFunction;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * The simulated partner's control (ShippingSimulatorFunction; no event source): invoked with any
 * of {@code {"outage": bool, "latencyMillis": 0..30000, "shipAfterSeconds": 0..900,
 * "deliverAfterSeconds": 0..900}}, it sets those switches and answers them with the shipments
 * booked and cancelled. The local runtime serves it as GET and PUT /_local/shipping-simulator.
 */
public final class ShippingSimulatorHandler extends EventFunction {

    private static final Set<String> SWITCHES = Set.of("outage", "latencyMillis", "shipAfterSeconds", "deliverAfterSeconds");

    private final SimulatorStore store;

    public ShippingSimulatorHandler() {
        this(ShippingWiring.simulator());
        // No switch given: the switches and counts are read, nothing is set.
        SnapStart.prime("ShippingSimulator", () -> prime(Map.of()));
    }

    public ShippingSimulatorHandler(SimulatorStore store) {
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
            if (!SWITCHES.contains(name)) {
                throw new IllegalArgumentException("unknown switch " + name + ": the switches are " + SWITCHES);
            }
        }
        SimulatorStore.Switches was = store.switches();
        boolean outage = was.outage();
        if (input.containsKey("outage")) {
            if (!(input.get("outage") instanceof Boolean on)) {
                throw new IllegalArgumentException("outage must be true or false");
            }
            outage = on;
        }
        SimulatorStore.Switches now = new SimulatorStore.Switches(outage,
                whole(input, "latencyMillis", was.latencyMillis(), 30_000),
                (int) whole(input, "shipAfterSeconds", was.shipAfterSeconds(), 900),
                (int) whole(input, "deliverAfterSeconds", was.deliverAfterSeconds(), 900));
        if (!now.equals(was)) {
            store.setSwitches(now);
            Log.info("shipping simulator switched", "outage", now.outage(), "latencyMillis", now.latencyMillis(),
                    "shipAfterSeconds", now.shipAfterSeconds(), "deliverAfterSeconds", now.deliverAfterSeconds());
        }
        long[] counts = store.counts();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outage", now.outage());
        answer.put("latencyMillis", now.latencyMillis());
        answer.put("shipAfterSeconds", now.shipAfterSeconds());
        answer.put("deliverAfterSeconds", now.deliverAfterSeconds());
        answer.put("shipments", counts[0]);
        answer.put("cancelled", counts[1]);
        return answer;
    }

    private static long whole(Map<String, Object> input, String name, long current, long max) {
        if (!input.containsKey(name)) {
            return current;
        }
        if (!(input.get(name) instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0
                || n.longValue() > max) {
            throw new IllegalArgumentException(name + " must be a whole number from 0 to " + max);
        }
        return n.longValue();
    }
}
