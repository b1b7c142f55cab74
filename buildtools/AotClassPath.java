import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The local runtime's class path as JDK 25's AOT cache accepts it (run by local/run, a source
 * file the JDK compiles on the fly, only when the class path changed).
 *
 * <p>An AOT cache refuses a class path with a non-empty directory on it, and a jar's manifest
 * Class-Path adds its entries to the class path: DynamoDB Local's names "." (its own folder in
 * the Maven repository) and a DynamoDBLocal_lib folder Maven never makes. So: the runtime's own
 * classes as its jar instead of target/classes, and every jar whose manifest names a Class-Path
 * copied into {@code out/lib} without that attribute, which changes nothing for the runtime: what
 * those entries name is either missing or already on the class path Maven wrote.
 *
 * <p>Usage: {@code java buildtools/AotClassPath.java <classpath.txt> <runtime jar> <out dir>};
 * writes {@code out/classpath.txt}. Exits 3, writing nothing, when an entry is a directory.
 */
public final class AotClassPath {

    public static void main(String[] args) throws IOException {
        Path classPath = Path.of(args[0]);
        Path runtimeJar = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Path lib = out.resolve("lib");
        Files.createDirectories(lib);
        List<String> entries = new ArrayList<>();
        entries.add(runtimeJar.toString());
        for (String element : Files.readString(classPath, StandardCharsets.UTF_8).trim().split(":")) {
            if (element.isEmpty()) {
                continue;
            }
            Path path = Path.of(element);
            if (Files.isDirectory(path)) {
                System.err.println("kiosk: no AOT cache: " + element + " is a folder on the class path");
                System.exit(3);
            }
            if (element.endsWith(".jar") && Files.isRegularFile(path) && namesClassPath(path)) {
                Path copy = lib.resolve(path.getFileName());
                withoutClassPath(path, copy);
                entries.add(copy.toString());
            } else {
                entries.add(element);
            }
        }
        Files.writeString(out.resolve("classpath.txt"), String.join(":", entries), StandardCharsets.UTF_8);
    }

    private static boolean namesClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().containsKey(Attributes.Name.CLASS_PATH);
        }
    }

    /** A copy of the jar, with its manifest's Class-Path attribute left out. */
    private static void withoutClassPath(Path jar, Path copy) throws IOException {
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            Enumeration<? extends ZipEntry> all = in.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    Manifest manifest;
                    try (InputStream stream = in.getInputStream(entry)) {
                        manifest = new Manifest(stream);
                    }
                    manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
                    manifest.write(zip);
                } else {
                    try (InputStream stream = in.getInputStream(entry)) {
                        stream.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        Files.move(partial, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private AotClassPath() {
    }
}
