package kiosk.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a local secret (a generated key, the admin's password) readable by its owner only: the
 * permissions are set before the content goes in, and the file appears whole or not at all.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    public static void write(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary); // gone already when the move succeeded; left behind by nothing
        }
    }

    /**
     * Makes a data folder and everything in it its owner's alone (folders 0700, files 0600),
     * creating it if needed: DynamoDB Local writes its database with the process's umask, and a
     * folder made by an older version may be world-readable.
     */
    public static void secureFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.toList()) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            Files.isDirectory(path) ? "rwx------" : "rw-------"));
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder's permissions apply.
        } catch (IOException e) {
            throw new IllegalStateException("cannot make " + folder + " owner-only", e);
        }
    }
}
