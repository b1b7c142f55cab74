package kiosk.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Primers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SnapStart priming for every function of catalog.zip (template.yaml), each built as Lambda builds
 * it with the template's environment: each registers a primer, and running them all (what
 * Lambda's beforeCheckpoint runs) changes no item of any table and no queue.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingIT {

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private static LocalAws aws;
    private static Map<String, FunctionConfiguration> functions;

    @BeforeAll
    static void theTemplatesFunctionsAndTheirEnvironment(LocalAws localAws) {
        aws = localAws;
        functions = new TreeMap<>();
        Map<String, String> environment = new HashMap<>();
        aws.functions().forEach((id, function) -> {
            if (function.codeUri().endsWith("functions/catalog/target/catalog.zip")) {
                functions.put(id, function);
                environment.putAll(function.environment());
            }
        });
        CONFIG.set(environment);
    }

    @Test
    void everyFunctionRegistersAPrimer() {
        Primers.assertEachRegistersAPrimer(functions.values());
    }

    @Test
    void primingEveryFunctionChangesNothing() {
        Primers.assertPrimingChangesNothing(aws, functions.values());
    }
}
