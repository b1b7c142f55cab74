package kiosk.testkit;

import java.util.Map;
import kiosk.shared.config.Config;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lays a function's template environment over {@link Config} for one test class, as the local
 * runtime does for a function, and takes it off when the class ends so that the next class in the
 * same JVM starts from the process environment. Register it as a static field:
 * {@code @RegisterExtension static final ConfigOverlay CONFIG = new ConfigOverlay();}
 */
public final class ConfigOverlay implements AfterAllCallback {

    public void set(Map<String, String> variables) {
        Config.overlayEnvironment(variables);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Config.overlayEnvironment(Map.of());
    }
}
