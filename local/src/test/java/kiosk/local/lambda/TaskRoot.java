package kiosk.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A deployment package unzipped as Lambda unzips it into /var/task. */
final class TaskRoot {

    private TaskRoot() {
    }

    static Path unzip(Path zip, Path directory) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no deployment package at " + zip + ": build it first (./mvnw -DskipTests package)");
        }
        Path root = Files.createDirectories(directory).toRealPath();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException(zip + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
        return root;
    }
}
