package kiosk.local.function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import kiosk.emulator.Template;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every package the template deploys, as the build wrote it (trimmed, with its originals), is lent
 * the SDK and Jackson by the local runtime. Lending fails quietly: a package holding one SDK
 * service the runtime's class path lacks (Secrets Manager, SESv2), or fingerprints that PackageTrim
 * and SharedLibraries stop computing alike, only makes every function load its own SDK again,
 * which the local runtime's start and first requests paid for (a third of its warm-up) with no
 * test failing. This one fails.
 */
class PackageLendingIT {

    @Test
    void everyDeployedPackageBorrowsTheSdkAndJacksonFromTheRuntime() throws Exception {
        Template template = Template.project();
        Set<Path> packages = new TreeSet<>();
        template.resources("AWS::Serverless::Function").values()
                .forEach(properties -> packages.add(template.directory().resolve(String.valueOf(properties.get("CodeUri"))).normalize()));
        assertFalse(packages.isEmpty());
        for (Path code : packages) {
            assertTrue(Files.isRegularFile(code), code + " is built");
            try (ZipFile zip = new ZipFile(code.toFile()); FunctionClassLoader loader = new FunctionClassLoader("Lending", code)) {
                assertTrue(holds(zip, SdkBytes.class), code + " holds the SDK");
                for (Class<?> library : new Class<?>[] {SdkBytes.class, DynamoDbClient.class, JsonFactory.class, ObjectMapper.class}) {
                    if (holds(zip, library)) {
                        assertSame(library, loader.loadClass(library.getName()), code.getFileName() + " borrows " + library.getName());
                    }
                }
            }
        }
    }

    private static boolean holds(ZipFile zip, Class<?> type) {
        return zip.getEntry(type.getName().replace('.', '/') + ".class") != null;
    }
}
