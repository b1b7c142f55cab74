package kiosk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template's secrets generated as CloudFormation would, and kept owner-only between starts. */
class LocalSecretsTest {

    private final Template template = Template.load(LocalAwsIT.resource("/stack-template.yaml"));

    @Test
    void generatesEachSecretByItsRules() throws Exception {
        Map<String, String> secrets = LocalSecrets.load(template, null);
        assertTrue(secrets.get("ApiKeySecret").matches("[d-z0-9]{40}"),
                "40 characters, no upper case, no punctuation, none of a, b, c: " + secrets.get("ApiKeySecret"));
        var partner = new ObjectMapper().readTree(secrets.get("PartnerSecret"));
        assertEquals("partner", partner.get("user").asText(), "SecretStringTemplate kept");
        assertEquals(16, partner.get("password").asText().length(), "GenerateStringKey filled");
    }

    @Test
    void keepsThemOwnerOnlyInTheDataDirectoryAndNothingInMemory(@TempDir Path data) throws Exception {
        Map<String, String> first = LocalSecrets.load(template, data);
        Path file = data.resolve(LocalSecrets.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, LocalSecrets.load(template, data), "the next start reads them back");
        assertNotEquals(first.get("ApiKeySecret"), LocalSecrets.load(template, null).get("ApiKeySecret"),
                "in memory: new at every start");
    }
}
