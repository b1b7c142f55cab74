package kiosk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kiosk.emulator.Template;
import org.junit.jupiter.api.Test;

/**
 * The deployable zip on its own (nothing from the test class path): Bouncy Castle is trimmed when
 * it is packaged, so Argon2id and the shipped password list are checked from the zip itself.
 */
class PackageIT {

    @Test
    void theZipHashesAndVerifiesPasswordsAndCarriesTheCommonPasswordList() throws Exception {
        Path zip = Template.projectRoot().resolve("functions/accounts/target/accounts.zip");
        assertTrue(Files.isRegularFile(zip), zip + " is built by the package phase");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {zip.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> hasherClass = loader.loadClass("kiosk.accounts.password.PasswordHasher");
            Class<?> costClass = loader.loadClass("kiosk.accounts.password.PasswordHasher$Cost");
            assertEquals(loader, hasherClass.getClassLoader());
            Object hasher = hasherClass.getConstructor(costClass).newInstance(costClass.getField("OWASP").get(null));
            String hash = (String) hasherClass.getMethod("hash", String.class).invoke(hasher, "violet staple orbit canyon");
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
            assertEquals(true, hasherClass.getMethod("verify", String.class, String.class)
                    .invoke(hasher, "violet staple orbit canyon", hash));

            Class<?> policyClass = loader.loadClass("kiosk.accounts.password.PasswordPolicy");
            Object policy = policyClass.getMethod("shipped").invoke(null);
            Optional<?> problem = (Optional<?>) policyClass.getMethod("problem", String.class, String.class)
                    .invoke(policy, "1qaz2wsx3edc", null);
            assertTrue(problem.isPresent());
        }
    }
}
