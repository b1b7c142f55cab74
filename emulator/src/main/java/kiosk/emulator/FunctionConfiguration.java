package kiosk.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AWS::Serverless::Function of a template, resolved for this machine: where its package is,
 * its handler and limits, the variables the template declares for it (Globals, then its own, with
 * intrinsics and dynamic references resolved), and the whole environment Lambda would give it:
 * those, Lambda's reserved variables, and the SDK's endpoint variables for the local services.
 */
public record FunctionConfiguration(String logicalId, String arn, Path codeUri, String handler, Duration timeout,
        int memoryMb, Map<String, String> declaredEnvironment, Map<String, String> environment) {

    /** Lambda's defaults when neither the function nor Globals say. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;

    public FunctionConfiguration {
        declaredEnvironment = Map.copyOf(declaredEnvironment);
        environment = Map.copyOf(environment);
    }

    /**
     * This configuration with every variable naming {@code from} (an address the template builds,
     * such as its API's execute-api URL) naming {@code to} instead.
     */
    public FunctionConfiguration pointing(String from, String to) {
        Map<String, String> declared = new LinkedHashMap<>();
        declaredEnvironment.forEach((name, value) -> declared.put(name, value.replace(from, to)));
        Map<String, String> all = new LinkedHashMap<>();
        environment.forEach((name, value) -> all.put(name, value.replace(from, to)));
        return new FunctionConfiguration(logicalId, arn, codeUri, handler, timeout, memoryMb, declared, all);
    }

    static FunctionConfiguration of(String id, Map<String, Object> properties, Template template, Intrinsics intrinsics,
            Map<String, String> sdkEnvironment) {
        Map<String, Object> globals = template.functionGlobals();
        Object codeUri = setting(properties, globals, "CodeUri", null, intrinsics);
        Object handler = setting(properties, globals, "Handler", null, intrinsics);
        if (codeUri == null || handler == null) {
            throw new IllegalStateException(id + " has no CodeUri or Handler in " + template.file());
        }
        int timeout = Integer.parseInt(String.valueOf(setting(properties, globals, "Timeout", DEFAULT_TIMEOUT, intrinsics)));
        int memory = Integer.parseInt(String.valueOf(setting(properties, globals, "MemorySize", DEFAULT_MEMORY, intrinsics)));

        Map<String, String> declared = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(globals, properties)) {
            if (source.get("Environment") instanceof Map<?, ?> environment
                    && environment.get("Variables") instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> declared.put(String.valueOf(name), intrinsics.text(value)));
            }
        }

        Map<String, String> environment = new LinkedHashMap<>(sdkEnvironment);
        environment.put("AWS_DEFAULT_REGION", intrinsics.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", id);
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memory));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + id);
        // Lambda sets these from LoggingConfig; Kiosk's Log follows AWS_LAMBDA_LOG_LEVEL.
        if (setting(properties, globals, "LoggingConfig", null, intrinsics) instanceof Map<?, ?> logging) {
            if (logging.get("ApplicationLogLevel") != null) {
                environment.put("AWS_LAMBDA_LOG_LEVEL", String.valueOf(logging.get("ApplicationLogLevel")));
            }
            if (logging.get("LogFormat") != null) {
                environment.put("AWS_LAMBDA_LOG_FORMAT", String.valueOf(logging.get("LogFormat")));
            }
        }
        environment.putAll(declared);
        String arn = "arn:aws:lambda:" + intrinsics.region() + ":" + intrinsics.account() + ":function:" + id;
        return new FunctionConfiguration(id, arn, template.directory().resolve(String.valueOf(codeUri)).normalize(),
                String.valueOf(handler), Duration.ofSeconds(timeout), memory, declared, environment);
    }

    private static Object setting(Map<String, Object> function, Map<String, Object> globals, String name, Object fallback,
            Intrinsics intrinsics) {
        Object value = function.containsKey(name) ? function.get(name) : globals.getOrDefault(name, fallback);
        if (function.get(name) instanceof Map<?, ?> own && globals.get(name) instanceof Map<?, ?> global) {
            // SAM merges a map the function sets into the Globals' one (LoggingConfig's LogGroup beside its level).
            Map<Object, Object> merged = new java.util.LinkedHashMap<>(global);
            merged.putAll(own);
            value = merged;
        }
        return intrinsics.resolve(value);
    }
}
