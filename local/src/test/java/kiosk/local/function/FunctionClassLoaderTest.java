package kiosk.local.function;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's class loader takes a shared library's class from the runtime only when its package
 * holds that very class (same bytes): then both are one class, loaded and compiled once for every
 * function. A class the package lacks stays missing, and a different build of it is the package's own.
 */
class FunctionClassLoaderTest {

    @TempDir
    Path folder;

    @Test
    void aLibraryClassThePackageHoldsByteForByteIsTheRuntimesOwn() throws Exception {
        Path code = zip("same.zip", JsonFactory.class, bytes(JsonFactory.class));
        try (FunctionClassLoader loader = new FunctionClassLoader("Same", code)) {
            assertSame(JsonFactory.class, loader.loadClass(JsonFactory.class.getName()));
        }
    }

    @Test
    void aClassThePackageLacksIsMissingThoughTheRuntimeHasIt() throws Exception {
        Path code = zip("lacking.zip", JsonFactory.class, bytes(JsonFactory.class));
        try (FunctionClassLoader loader = new FunctionClassLoader("Lacking", code)) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(JsonParser.class.getName()));
        }
    }

    @Test
    void anotherBuildOfTheClassIsThePackagesOwn() throws Exception {
        // Version needs nothing but the JDK to load. Its class file is Java 8's (major 52), whose
        // minor version may be anything: the bytes differ, the class is the same code.
        byte[] changed = bytes(Version.class);
        changed[5] = 1;
        Path code = zip("other.zip", Version.class, changed);
        try (FunctionClassLoader loader = new FunctionClassLoader("Other", code)) {
            Class<?> own = loader.loadClass(Version.class.getName(), false);
            assertNotSame(Version.class, own);
            assertSame(loader, own.getClassLoader());
        }
    }

    /**
     * A package PackageTrim rewrote holds other bytes for the same code; its originals file says
     * which build each library's classes came from, and a match lends them. A package whose
     * originals name another build keeps its own.
     */
    @Test
    void aRewrittenPackageIsLentTheBuildItWasRewrittenFromAndNoOther() throws Exception {
        byte[] original = bytes(Version.class);
        byte[] rewritten = bytes(Version.class);
        rewritten[5] = 1;
        CRC32 crc = new CRC32();
        crc.update(original);
        String line = "com/fasterxml/jackson/core/Version.class " + Long.toHexString(crc.getValue() << 32 ^ original.length) + "\n";
        String same = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
        Path code = zip("rewritten.zip", Version.class, rewritten, "com/fasterxml/jackson " + same + "\n");
        try (FunctionClassLoader loader = new FunctionClassLoader("Rewritten", code)) {
            assertSame(Version.class, loader.loadClass(Version.class.getName(), false));
        }
        String other = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                line.replace(" ", " 1").getBytes(StandardCharsets.UTF_8)));
        Path another = zip("another.zip", Version.class, rewritten, "com/fasterxml/jackson " + other + "\n");
        try (FunctionClassLoader loader = new FunctionClassLoader("Another", another)) {
            Class<?> own = loader.loadClass(Version.class.getName(), false);
            assertNotSame(Version.class, own);
            assertSame(loader, own.getClassLoader());
        }
    }

    @Test
    void kiosksOwnCodeIsNeverLentThoughIdentical() throws Exception {
        Path code = zip("own.zip", SharedLibraries.class, bytes(SharedLibraries.class));
        try (FunctionClassLoader loader = new FunctionClassLoader("Own", code)) {
            Class<?> own = loader.loadClass(SharedLibraries.class.getName(), false);
            assertNotSame(SharedLibraries.class, own);
        }
    }

    private Path zip(String name, Class<?> type, byte[] bytes) throws IOException {
        return zip(name, type, bytes, null);
    }

    private Path zip(String name, Class<?> type, byte[] bytes, String originals) throws IOException {
        Path zip = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(type.getName().replace('.', '/') + ".class"));
            out.write(bytes);
            out.closeEntry();
            if (originals != null) {
                out.putNextEntry(new ZipEntry("META-INF/kiosk/originals"));
                out.write(originals.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
