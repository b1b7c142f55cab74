package kiosk.local.function;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The libraries function packages carry (the AWS SDK, Jackson, Bouncy Castle) that the runtime's own class
 * path holds too, byte for byte: a function's class loader takes such a class from the runtime
 * instead of defining its own copy. Lambda gives each function a JVM of its own, so there each
 * loads and compiles the SDK once; here 50 functions in one JVM did it 50 times, which is what made
 * each function's first request take half a second or more and the first seconds after start slow.
 * A lent class is the very class the package holds (same entry, same CRC-32 and size), so code
 * runs as it would from the package; what is shared is the classes' static state, which in these
 * libraries is caches. A class the package lacks is never lent, so a package missing a library
 * still fails here as on Lambda. Kiosk's own code is never lent: each function keeps its own
 * configuration.
 *
 * <p>A package buildtools/PackageTrim.java rewrote (local-variable tables left out, uncalled
 * operations' requests reduced to stubs) holds other bytes than the runtime's jars, for the same
 * code. Its META-INF/kiosk/originals fingerprints each library's classes as they were before the
 * rewrite; when the runtime's own copies of those classes give the same fingerprint, the package
 * is that build of the library, and each of its classes of it is lent. A library is lent whole or
 * not at all: half of the SDK from each side would not link.
 */
final class SharedLibraries {

    /**
     * Whole libraries only: a lent class resolves what it refers to in the runtime, so every class
     * a function's code and a lent class pass between them must come from one side. The SDK
     * (with its own copy of Jackson's parser under software.amazon.awssdk.thirdparty), Jackson and
     * Bouncy Castle (Argon2id: the first password hashed in a cold copy costs most of a second)
     * are each complete in the runtime and refer to nothing else but the JDK and SLF4J.
     */
    private static final String[] LENDABLE = {"software/amazon/awssdk/", "com/fasterxml/jackson/", "org/bouncycastle/"};

    /** Off with -Dkiosk.local.shareLibraries=false: every function then defines its own copies, as before. */
    static final boolean ENABLED = !"false".equals(System.getProperty("kiosk.local.shareLibraries"));

    private static final String ORIGINALS = "META-INF/kiosk/originals";

    private static volatile Map<String, Long> runtime;
    private static final Map<Path, Package> PACKAGES = new ConcurrentHashMap<>();

    /**
     * A package's lendable entries (name to CRC-32 and size), and, when it was rewritten, each
     * library's fingerprint before the rewrite and whether the runtime's copy matches it.
     */
    private record Package(Map<String, Long> own, Map<String, String> originals, Map<String, Boolean> sameBuild) {
    }

    private SharedLibraries() {
    }

    /** Whether a package at codeUri may take the class with this binary name from the runtime. */
    static boolean lends(Path codeUri, String className) {
        if (!ENABLED) {
            return false;
        }
        String entry = className.replace('.', '/') + ".class";
        if (!lendable(entry)) {
            return false;
        }
        Package code = PACKAGES.computeIfAbsent(codeUri, SharedLibraries::index);
        Long own = code.own().get(entry);
        if (own == null) {
            return false;
        }
        if (code.originals().isEmpty()) {
            return own.equals(runtime().get(entry));
        }
        return code.sameBuild().computeIfAbsent(root(entry), root -> sameBuild(code, root));
    }

    /** Whether the runtime's copies of the package's classes of this library fingerprint as the originals did. */
    private static boolean sameBuild(Package code, String root) {
        String expected = code.originals().get(root);
        if (expected == null) {
            return false;
        }
        List<String> lines = new ArrayList<>();
        for (String entry : code.own().keySet()) {
            if (root(entry).equals(root)) {
                Long original = runtime().get(entry);
                if (original == null) {
                    return false;
                }
                lines.add(entry + " " + Long.toHexString(original) + "\n");
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            lines.stream().sorted().forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).equals(expected);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A library, as PackageTrim groups them: a class file's first three path segments. */
    private static String root(String entry) {
        String[] parts = entry.split("/");
        return String.join("/", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static boolean lendable(String entry) {
        for (String prefix : LENDABLE) {
            if (entry.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The runtime's class path as the application class loader reads it: the first jar holding an entry wins. */
    private static Map<String, Long> runtime() {
        Map<String, Long> index = runtime;
        if (index == null) {
            synchronized (SharedLibraries.class) {
                index = runtime;
                if (index == null) {
                    index = new HashMap<>();
                    for (String element : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                        if (element.endsWith(".jar")) {
                            index(Path.of(element), index);
                        }
                    }
                    runtime = index;
                }
            }
        }
        return index;
    }

    /** A package's lendable entries and originals; a folder package lends nothing (it is a test's, not a build's). */
    private static Package index(Path codeUri) {
        Map<String, Long> index = new HashMap<>();
        Map<String, String> originals = new HashMap<>();
        if (Files.isRegularFile(codeUri)) {
            try (ZipFile zip = new ZipFile(codeUri.toFile())) {
                index(zip, index);
                ZipEntry entry = zip.getEntry(ORIGINALS);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                            String[] parts = line.split(" ");
                            if (parts.length == 2) {
                                originals.put(parts[0], parts[1]);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // Unreadable: lends nothing, and the class loader reports the package as it would anyway.
            }
        }
        return new Package(index, originals, new ConcurrentHashMap<>());
    }

    private static void index(Path jar, Map<String, Long> into) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            index(zip, into);
        } catch (IOException e) {
            // Unreadable: lends nothing, and the class loader reports the package as it would anyway.
        }
    }

    private static void index(ZipFile zip, Map<String, Long> into) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.getName().endsWith(".class") && lendable(e.getName()) && e.getCrc() != -1) {
                // CRC-32 and size in one number: equal for the same bytes, and a clash of both by chance is beyond reach.
                into.putIfAbsent(e.getName(), e.getCrc() << 32 ^ e.getSize());
            }
        }
    }
}
