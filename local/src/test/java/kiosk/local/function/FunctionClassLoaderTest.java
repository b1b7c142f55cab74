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
import java.nio.file.Path;
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

    @Test
    void kiosksOwnCodeIsNeverLentThoughIdentical() throws Exception {
        Path code = zip("own.zip", SharedLibraries.class, bytes(SharedLibraries.class));
        try (FunctionClassLoader loader = new FunctionClassLoader("Own", code)) {
            Class<?> own = loader.loadClass(SharedLibraries.class.getName(), false);
            assertNotSame(SharedLibraries.class, own);
        }
    }

    private Path zip(String name, Class<?> type, byte[] bytes) throws IOException {
        Path zip = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(type.getName().replace('.', '/') + ".class"));
            out.write(bytes);
            out.closeEntry();
        }
        return zip;
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
