package kiosk.local.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kiosk.emulator.OwnerOnlyFile;

/**
 * Where each stream mapping has read its shards up to, as Lambda keeps it for an event source
 * mapping: the last sequence number done per shard, the shards read to their end, and whether the
 * mapping has started (LATEST applies to a first start only). Kept in the data folder, owner-only,
 * so that a restart of the local runtime takes up where it stopped; in memory without one.
 */
public final class StreamPositions {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One mapping's state. Public fields for Jackson. */
    public static final class Mapping {
        public Map<String, String> after = new HashMap<>();
        public Set<String> finished = new HashSet<>();
    }

    private final Path file;
    private final Map<String, Mapping> mappings;

    private StreamPositions(Path file, Map<String, Mapping> mappings) {
        this.file = file;
        this.mappings = mappings;
    }

    public static StreamPositions inMemory() {
        return new StreamPositions(null, new HashMap<>());
    }

    /** The positions kept in {@code file}, or none yet when it does not exist. */
    public static StreamPositions in(Path file) {
        if (!Files.exists(file)) {
            return new StreamPositions(file, new HashMap<>());
        }
        Map<String, Mapping> read;
        try {
            read = JSON.readValue(file.toFile(), new TypeReference<HashMap<String, Mapping>>() {
            });
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (read == null || read.values().stream().anyMatch(m -> m == null || m.after == null || m.finished == null
                || m.after.values().stream().anyMatch(v -> v == null || !v.matches("[0-9]{1,40}")))) {
            throw unreadable(file, null);
        }
        return new StreamPositions(file, new HashMap<>(read));
    }

    private static UncheckedIOException unreadable(Path file, IOException cause) {
        return new UncheckedIOException("cannot read the stream positions in " + file + " (it is written by local/run "
                + "alone); delete it to read every stream from its start again (orders then announced again)",
                cause == null ? new IOException("not what local/run writes") : cause);
    }

    synchronized boolean started(String mapping) {
        return mappings.containsKey(mapping);
    }

    synchronized void start(String mapping) {
        if (!mappings.containsKey(mapping)) {
            mappings.put(mapping, new Mapping());
            save();
        }
    }

    synchronized String after(String mapping, String shardId) {
        Mapping m = mappings.get(mapping);
        return m == null ? null : m.after.get(shardId);
    }

    synchronized boolean finished(String mapping, String shardId) {
        Mapping m = mappings.get(mapping);
        return m != null && m.finished.contains(shardId);
    }

    synchronized void advance(String mapping, String shardId, String sequenceNumber) {
        mappings.computeIfAbsent(mapping, k -> new Mapping()).after.put(shardId, sequenceNumber);
        save();
    }

    synchronized void finish(String mapping, String shardId) {
        Mapping m = mappings.computeIfAbsent(mapping, k -> new Mapping());
        m.finished.add(shardId);
        m.after.remove(shardId);
        save();
    }

    /** The records after the kept position are gone: read what is left of the shard from its start. */
    synchronized void trimmed(String mapping, String shardId) {
        Mapping m = mappings.get(mapping);
        if (m != null) {
            m.after.remove(shardId);
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            OwnerOnlyFile.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(mappings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the stream positions in " + file, e);
        }
    }
}
