package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path ROOT = Path.of("/project");

    @Test
    void theTemplatesThrottlesApplyUnlessALoadTestTurnsThemOff() {
        assertTrue(Options.parse(new String[0], ROOT).throttle());
        assertFalse(Options.parse(new String[] {"--no-throttle"}, ROOT).throttle());
        assertTrue(Options.ephemeral(ROOT.resolve("template.yaml")).withFire(List.of("x")).throttle());
    }

    @Test
    void parametersOverrideTheTemplatesDefaultsAsADeployWould() {
        Options options = Options.parse(new String[] {"--parameter", "CheckoutRateLimit=off", "--parameter", "SignupRateLimit=5/60"}, ROOT);
        assertEquals(java.util.Map.of("CheckoutRateLimit", "off", "SignupRateLimit", "5/60"), options.parameters());
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--parameter", "CheckoutRateLimit"}, ROOT));

        kiosk.emulator.Template template = kiosk.emulator.Template.project();
        Object overridden = ((java.util.Map<?, ?>) template.withParameters(options.parameters()).section("Parameters")
                .get("CheckoutRateLimit")).get("Default");
        assertEquals("off", overridden);
        assertThrows(IllegalArgumentException.class, () -> template.withParameters(java.util.Map.of("NoSuchParameter", "x")),
                "a parameter the template does not declare");
        assertThrows(IllegalArgumentException.class, () -> template.withParameters(java.util.Map.of("CheckoutRateLimit", "lots")),
                "a value outside the AllowedPattern");
        assertThrows(IllegalArgumentException.class, () -> template.withParameters(java.util.Map.of("LogLevel", "LOUD")),
                "a value outside the AllowedValues");
    }
}
