package kiosk.testkit;

import kiosk.emulator.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SnapStart priming for every function of a package (template.yaml), each built as Lambda builds
 * it with the template's environment: each registers a primer, and running them all (what
 * Lambda's beforeCheckpoint runs) fails none and changes no item of any table and no queue. Each
 * function module's PrimingIT extends it, naming its packages.
 */
@ExtendWith(LocalAwsExtension.class)
public abstract class PackagePriming {

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private final String[] codeUris;
    private PackageFunctions functions;

    /** {@code codeUris}: the packages' CodeUri as template.yaml writes it, functions/x/target/x.zip. */
    protected PackagePriming(String... codeUris) {
        this.codeUris = codeUris;
    }

    @BeforeEach
    void theTemplatesFunctionsAndTheirEnvironment(LocalAws aws) {
        functions = PackageFunctions.of(aws, codeUris);
        CONFIG.set(functions.environment());
    }

    @Test
    void everyFunctionRegistersAPrimer() {
        Primers.assertEachRegistersAPrimer(functions.functions().values());
    }

    @Test
    void everyHandlerIsCalledThroughItsInterface() {
        Primers.assertEachIsCalledThroughItsInterface(functions.functions().values());
    }

    @Test
    void primingEveryFunctionChangesNothing(LocalAws aws) {
        Primers.assertPrimingChangesNothing(aws, functions.functions().values());
    }
}
