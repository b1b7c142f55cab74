package kiosk.shared.config;

import java.util.Map;
import java.util.Optional;

/**
 * Settings read once from the environment when an execution environment starts. Contexts read
 * their own variables through {@link #require}, so a missing one fails init with its name rather
 * than a request later with a NullPointerException.
 */
public record Config(String region, String functionName, Map<String, String> environment) {

    public Config {
        environment = Map.copyOf(environment);
    }

    private static volatile Map<String, String> overlay = Map.of();

    /** The process environment, with the overlay of an in-process runner on top. */
    public static Config fromEnvironment() {
        if (overlay.isEmpty()) {
            return from(System.getenv());
        }
        Map<String, String> merged = new java.util.HashMap<>(System.getenv());
        merged.putAll(overlay);
        return from(merged);
    }

    /**
     * One variable, with the overlay of an in-process runner on top: for what reads its setting
     * before a Config exists (the log level). Empty when unset or blank.
     */
    public static Optional<String> variable(String name) {
        String value = overlay.containsKey(name) ? overlay.get(name) : System.getenv(name);
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * For runners that host functions in one JVM (the local runtime, tests of the no-argument
     * constructors): the variables template.yaml gives a function, which a process cannot set in
     * its own environment. Lambda never calls this.
     */
    public static void overlayEnvironment(Map<String, String> variables) {
        overlay = Map.copyOf(variables);
    }

    /**
     * The region comes from AWS_REGION, which Lambda always sets; outside Lambda the SDK's own
     * {@code aws.region} system property is honoured too, as the emulator sets it for tests and the local runtime.
     */
    public static Config from(Map<String, String> environment) {
        String region = environment.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            region = System.getProperty("aws.region");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set: Kiosk needs an explicit region.");
        }
        String functionName = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");
        return new Config(region, functionName, environment);
    }

    public String require(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set; template.yaml sets it.");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}
