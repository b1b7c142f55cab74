package kiosk.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import kiosk.emulator.OwnerOnlyFile;

/**
 * The data folder a start keeps (DynamoDB data, secrets, the admin, stream positions): one start
 * at a time holds it (a second would share DynamoDB Local's database and announce every order in
 * both), and {@code --fresh} empties it first.
 */
final class DataFolder implements AutoCloseable {

    /** Held for as long as the start runs; the operating system lets go of it if the process dies. */
    static final String LOCK = ".lock";

    private final Path folder;
    private final FileChannel channel;
    private final boolean foundEmpty;

    private DataFolder(Path folder, FileChannel channel, boolean foundEmpty) {
        this.folder = folder;
        this.channel = channel;
        this.foundEmpty = foundEmpty;
    }

    /** Takes the folder for this start (nothing to take in memory), then empties it for --fresh. */
    static DataFolder prepare(Options options) {
        Path folder = options.dataDirectory();
        if (folder == null) {
            return new DataFolder(null, null, false);
        }
        OwnerOnlyFile.secureFolder(folder);
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + folder.resolve(LOCK), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            close(channel);
            throw new IllegalStateException("another Kiosk start is using " + folder
                    + ": stop it, or give this one its own --data folder");
        }
        if (options.fresh()) {
            empty(folder);
        }
        return new DataFolder(folder, channel, holdsNothingBut(folder, LOCK));
    }

    /**
     * Whether this start found the folder empty (after --fresh emptied it): then all it holds now
     * is this start's, and {@link #discard} may take it away.
     */
    boolean foundEmpty() {
        return foundEmpty;
    }

    /**
     * Empties the folder, as --fresh would, while this start still holds it: for a first start
     * whose seeding failed, once the data services have let go of their files. Only a folder this
     * start found empty: one that held anything (data of a start with --no-seed, a file of the
     * user's) is left as it is.
     */
    void discard() {
        if (folder != null && foundEmpty) {
            empty(folder);
        }
    }

    private static boolean holdsNothingBut(Path folder, String name) {
        try (var entries = Files.list(folder)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    /** Everything in the folder but the lock this start holds. */
    private static void empty(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!file.equals(folder.resolve(LOCK))) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (!dir.equals(folder)) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty " + folder, e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    /** Lets the folder go: the next start may take it. */
    @Override
    public void close() {
        if (channel != null) {
            close(channel);
        }
    }
}
