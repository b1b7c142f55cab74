package kiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import kiosk.shared.config.Config;
import org.junit.jupiter.api.Test;

class ConfigOverlayTest {

    @Test
    void theOverlayIsTakenOffWhenTheTestClassEnds() {
        ConfigOverlay overlay = new ConfigOverlay();
        overlay.set(Map.of("KIOSK_TEST_ONLY", "set by a test class"));
        assertEquals(Optional.of("set by a test class"), Config.variable("KIOSK_TEST_ONLY"));
        overlay.afterAll(null);
        assertEquals(Optional.empty(), Config.variable("KIOSK_TEST_ONLY"), "the next class starts from the process environment");
    }
}
