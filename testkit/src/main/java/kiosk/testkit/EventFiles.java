package kiosk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kiosk.emulator.Template;

/**
 * The files in events/, the ones {@code sam local invoke -e} takes. Each is named after the
 * logical id of the function it is for, optionally followed by {@code -<case>}.
 */
public final class EventFiles {

    private EventFiles() {
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(Template.projectRoot().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The function's sample event file; AssertionError when events/ has none. */
    public static Path of(String logicalId) {
        return all().stream().filter(f -> logicalId(f).equals(logicalId)).findFirst()
                .orElseThrow(() -> new AssertionError("no events/" + logicalId + ".json"));
    }

    public static String logicalId(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length()).split("-", 2)[0];
    }
}
