package kiosk.testkit;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;

/**
 * The functions template.yaml builds from the given deployment packages (their CodeUri), by
 * logical id, and their environments laid over each other: the handlers of one package share its
 * wiring, built once per JVM, so one overlay ({@link ConfigOverlay}) serves them all.
 */
public record PackageFunctions(Map<String, FunctionConfiguration> functions, Map<String, String> environment) {

    public static PackageFunctions of(LocalAws aws, String... codeUris) {
        Map<String, FunctionConfiguration> functions = new TreeMap<>();
        Map<String, String> environment = new HashMap<>();
        aws.functions().forEach((id, function) -> {
            for (String codeUri : codeUris) {
                if (function.codeUri().endsWith(codeUri)) {
                    functions.put(id, function);
                    environment.putAll(function.environment());
                }
            }
        });
        return new PackageFunctions(Collections.unmodifiableMap(functions), Collections.unmodifiableMap(environment));
    }
}
