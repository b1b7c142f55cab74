package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
