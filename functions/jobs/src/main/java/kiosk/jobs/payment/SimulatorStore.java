package kiosk.jobs.payment;

import java.util.Optional;

/** The simulated gateway's state: its ledger, by idempotency key, and its switches. */
public interface SimulatorStore {

    /** One charge or refund the simulator made; {@code outcome} is SUCCEEDED, DECLINED or REFUNDED. */
    record Entry(String key, String id, String orderId, long amount, String currency, String paymentMethod,
            String outcome, String declineCode, String chargeId, String createdAt) {
    }

    /** What an operator set: the whole gateway down, and a latency added to every call. */
    record Switches(boolean outage, long latencyMillis) {
        public static final Switches NORMAL = new Switches(false, 0);
    }

    /** Records the entry unless its key has one: answers the entry that stands (this one, or the earlier). */
    Entry recordOnce(Entry entry);

    Optional<Entry> find(String key);

    /** Counts an attempt under a key and answers how many there have been, this one included. */
    long attempt(String key);

    Switches switches();

    void setSwitches(Switches switches);

    /** Every charge and refund recorded, for tests and the benchmark to count. */
    java.util.List<Entry> ledger();
}
