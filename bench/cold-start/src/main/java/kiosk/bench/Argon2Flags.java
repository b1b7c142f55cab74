package kiosk.bench;

import java.util.ArrayList;
import java.util.List;
import kiosk.accounts.password.PasswordHasher;

/**
 * One fresh JVM doing what a login environment does from its cold start: construct the hasher,
 * then verify a password once per request, {@code COUNT} requests in a row. Prints each verify's
 * time as one JSON line, so the driver (bench/argon2-flags.py) can compare JIT flags on the first
 * request, the next few and the warm ones. With {@code hash} instead of a stored hash it prints one
 * hash to verify against, made in a JVM of its own so that no measured run is warmed by it.
 * Usage: Argon2Flags PASSWORD COUNT STORED_HASH | Argon2Flags PASSWORD hash
 */
public final class Argon2Flags {

    private Argon2Flags() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.OWASP);
        if (args[1].equals("hash")) {
            System.out.println(hasher.hash(args[0]));
            return;
        }
        long constructed = System.nanoTime();
        int count = Integer.parseInt(args[1]);
        List<String> times = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            if (!hasher.verify(args[0], args[2])) {
                throw new IllegalStateException("the password did not verify: the benchmark measures nothing");
            }
            times.add(String.format("%.3f", (System.nanoTime() - before) / 1e6));
        }
        System.out.println("{\"constructedMs\":" + String.format("%.3f", (constructed - started) / 1e6)
                + ",\"verifyMs\":[" + String.join(",", times) + "]}");
    }
}
