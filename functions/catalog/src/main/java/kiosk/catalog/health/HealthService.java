package kiosk.catalog.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks every table the template names and keeps the answer for {@link #CACHED}: however often
 * /health is called, an execution environment asks DynamoDB at most once in that time, so the
 * public route cannot be turned into load on the database.
 */
public final class HealthService {

    public static final Duration CACHED = Duration.ofSeconds(5);

    /** Logical id to table name, in the order the report names them. */
    private final Map<String, String> tables;
    private final TableProbe probe;
    private final String version;
    private final Clock clock;
    private HealthReport last;
    private Instant lastAt;

    /** {@code tables}: logical id to table name, in the order to report them. */
    public HealthService(Map<String, String> tables, TableProbe probe, String version, Clock clock) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.probe = probe;
        this.version = version;
        this.clock = clock;
    }

    public synchronized HealthReport check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(lastAt.plus(CACHED))) {
            return last;
        }
        Map<String, String> states = new LinkedHashMap<>();
        boolean healthy = true;
        for (Map.Entry<String, String> table : tables.entrySet()) {
            boolean answers = probe.answers(table.getValue());
            states.put(table.getKey(), answers ? "ok" : "unavailable");
            healthy &= answers;
        }
        last = new HealthReport(healthy ? "ok" : "degraded", version, now.toString(), states);
        lastAt = now;
        return last;
    }

    /**
     * The template's HEALTH_TABLES, {@code ProductsTable=kiosk-Products-1A2B,UsersTable=...}: each
     * table's logical id (what the report names; never a physical name) and its name.
     */
    public static Map<String, String> parseTables(String setting) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String pair : setting.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 1 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("HEALTH_TABLES is LogicalId=name,...: " + pair);
            }
            tables.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return tables;
    }
}
