package kiosk.shared.log;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import kiosk.shared.config.Config;
import kiosk.shared.json.JsonWriter;

/**
 * Structured logs: one JSON object a line on standard output, which Lambda ships to CloudWatch
 * as is. Every line names its function; every line inside an invocation carries its Lambda
 * request id, API Gateway request id, X-Ray trace id and whether it is the execution
 * environment's cold start (its first invocation, or the first after a SnapStart restore).
 * Hand-written rather than a logging framework because a framework costs cold start and we need
 * four fields. Never pass secrets, tokens or request bodies as fields.
 */
public final class Log {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static volatile Level threshold = configured();
    private static final ThreadLocal<String[]> REQUEST = new ThreadLocal<>();
    /** Per execution environment: a function hosted with others in one JVM has its own class loader, so its own. */
    private static final String FUNCTION = Config.variable("AWS_LAMBDA_FUNCTION_NAME").orElse(null);
    private static final AtomicBoolean COLD = new AtomicBoolean(true);
    private static final ThreadLocal<Object[]> TAGS = new ThreadLocal<>();
    private static volatile PrintStream out = System.out;

    private Log() {
    }

    /**
     * Tags every line logged on this thread until closed with the invocation's ids: handlers open
     * one per invocation. Without a Lambda context (priming before a snapshot, a test calling a
     * handler) there is no invocation, and the cold start is left for the first real one.
     */
    public static Scope invocation(Context context, String apiRequestId) {
        if (context == null) {
            return scope(null, apiRequestId, null, null);
        }
        return scope(context.getAwsRequestId(), apiRequestId, traceId(context), COLD.getAndSet(false) ? "true" : "false");
    }

    /** After a SnapStart restore the next invocation is a cold start again, as far as a client can tell. */
    public static void restored() {
        COLD.set(true);
    }

    private static Scope scope(String requestId, String apiRequestId, String traceId, String coldStart) {
        String[] previous = REQUEST.get();
        REQUEST.set(new String[] {requestId, apiRequestId, traceId, coldStart});
        return () -> {
            if (previous == null) {
                REQUEST.remove();
            } else {
                REQUEST.set(previous);
            }
        };
    }

    /**
     * Adds these fields (name, value, ...) to every line logged on this thread until closed: a job
     * tags the lines of one message with the order it concerns and the request that placed it.
     */
    public static Scope tag(Object... fields) {
        Object[] previous = TAGS.get();
        TAGS.set(fields.clone());
        return () -> {
            if (previous == null) {
                TAGS.remove();
            } else {
                TAGS.set(previous);
            }
        };
    }

    /** The Lambda request id of the invocation this thread serves, if a handler opened its scope. */
    public static Optional<String> requestId() {
        String[] request = REQUEST.get();
        return request == null ? Optional.empty() : Optional.ofNullable(request[0]);
    }

    public static void debug(String message, Object... fields) {
        log(Level.DEBUG, message, null, fields);
    }

    public static void info(String message, Object... fields) {
        log(Level.INFO, message, null, fields);
    }

    public static void warn(String message, Object... fields) {
        log(Level.WARN, message, null, fields);
    }

    public static void error(String message, Throwable error, Object... fields) {
        log(Level.ERROR, message, error, fields);
    }

    /** Whether a line at this level is written. */
    public static boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /** Sets the level from now on, for tests; answers the one before, to put back. */
    public static Level setLevel(Level level) {
        Level previous = threshold;
        threshold = level;
        return previous;
    }

    /** Where lines go; tests capture them to check what is and is not logged. */
    public static PrintStream redirect(PrintStream target) {
        PrintStream previous = out;
        out = target;
        return previous;
    }

    private static void log(Level level, String message, Throwable error, Object[] fields) {
        if (!enabled(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(160);
        line.append("{\"timestamp\":\"").append(Instant.now()).append("\",\"level\":\"").append(level)
                .append("\",\"message\":");
        JsonWriter.string(line, message);
        field(line, "function", FUNCTION);
        String[] request = REQUEST.get();
        if (request != null) {
            field(line, "requestId", request[0]);
            field(line, "apiRequestId", request[1]);
            field(line, "traceId", request[2]);
            if (request[3] != null) {
                field(line, "coldStart", Boolean.valueOf(request[3]));
            }
        }
        Object[] tags = TAGS.get();
        if (tags != null) {
            for (int i = 0; i + 1 < tags.length; i += 2) {
                field(line, String.valueOf(tags[i]), tags[i + 1]);
            }
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            // A field a tag already wrote is not written twice: one name once in a JSON object.
            if (!tagged(tags, fields[i])) {
                field(line, String.valueOf(fields[i]), fields[i + 1]);
            }
        }
        if (error != null) {
            field(line, "errorType", error.getClass().getName());
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            field(line, "stackTrace", trace.toString());
        }
        line.append('}');
        out.println(line);
    }

    private static boolean tagged(Object[] tags, Object name) {
        if (tags != null) {
            for (int i = 0; i + 1 < tags.length; i += 2) {
                if (String.valueOf(tags[i]).equals(String.valueOf(name)) && tags[i + 1] != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The X-Ray trace id (its Root) of the invocation: from the context where the runtime gives it,
     * else the header Lambda's Java runtime puts in a system property per invocation, else the
     * environment variable older runtimes set.
     */
    static String traceId(Context context) {
        String header = null;
        try {
            header = context.getXrayTraceId();
        } catch (LinkageError olderRuntime) {
            // A runtime whose Context predates getXrayTraceId (AWS's own client 2.5.1 carries
            // aws-lambda-java-core 1.2.3): it passes the header in the system property below.
        }
        if (header == null || header.isBlank()) {
            header = System.getProperty("com.amazonaws.xray.traceHeader");
        }
        if (header == null || header.isBlank()) {
            header = System.getenv("_X_AMZN_TRACE_ID");
        }
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) {
                return part.substring(5);
            }
        }
        return header.contains("=") ? null : header;
    }

    /** A line written as it is: an Embedded Metric Format record, which must be a log line of its own. */
    static void raw(String line) {
        out.println(line);
    }

    private static void field(StringBuilder line, String name, Object value) {
        if (value == null) {
            return;
        }
        line.append(',');
        JsonWriter.string(line, name);
        line.append(':');
        if (value instanceof Number || value instanceof Boolean) {
            line.append(value);
        } else {
            JsonWriter.string(line, value.toString());
        }
    }

    /**
     * The level this function's environment sets: AWS_LAMBDA_LOG_LEVEL, which Lambda sets from the
     * template's LoggingConfig (the local runtime too, per function), else LOG_LEVEL, else INFO.
     * Read through Config so that a function hosted in one JVM with others gets its own.
     */
    static Level configured() {
        String configured = Config.variable("AWS_LAMBDA_LOG_LEVEL").or(() -> Config.variable("LOG_LEVEL")).orElse("INFO");
        return switch (configured.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG" -> Level.DEBUG;
            case "WARN" -> Level.WARN;
            case "ERROR", "FATAL" -> Level.ERROR;
            default -> Level.INFO;
        };
    }

    /** A request's logging scope; closing it restores the one around it. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
