package kiosk.catalog.health;

import java.util.Map;

/** GET /health's body: "ok" or "degraded", the deployed version, when it was checked, each table's state. */
public record HealthReport(String status, String version, String checkedAt, Map<String, String> tables) {

    public boolean healthy() {
        return status.equals("ok");
    }
}
