package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One start holds a data folder at a time; --fresh empties it but keeps the hold. */
class DataFolderTest {

    @TempDir
    Path root;

    private Options options(Path data, boolean fresh) {
        return new Options(root.resolve("template.yaml"), "127.0.0.1", 0, data, fresh, null, false, 0, 0, 0, null, List.of(),
                true, Map.of());
    }

    @Test
    void aSecondStartOnTheSameFolderIsRefusedUntilTheFirstLetsGo() {
        Path data = root.resolve("data");
        try (DataFolder first = DataFolder.prepare(options(data, false))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DataFolder.prepare(options(data, false)));
            assertTrue(refused.getMessage().contains("another Kiosk start is using " + data), refused.getMessage());
            assertThrows(IllegalStateException.class, () -> DataFolder.prepare(options(data, true)),
                    "not even to empty it");
        }
        DataFolder.prepare(options(data, false)).close();
    }

    @Test
    void freshEmptiesTheFolderButKeepsItsHold() throws Exception {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("dynamodb"));
        Files.writeString(data.resolve("dynamodb/shared-local-instance.db"), "x");
        Files.writeString(data.resolve("seeded"), "");
        try (DataFolder fresh = DataFolder.prepare(options(data, true))) {
            try (var left = Files.list(data)) {
                assertEquals(List.of(data.resolve(DataFolder.LOCK)), left.toList());
            }
            assertThrows(IllegalStateException.class, () -> DataFolder.prepare(options(data, false)));
        }
    }
}
