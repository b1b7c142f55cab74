package kiosk.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kiosk.shared.json.Json;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void oneFlushIsOneEmbeddedMetricFormatLineThatNamesEachMetricAndItsUnit() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream previous = Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Metrics metrics = new Metrics("payments", Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC));
            metrics.count("PaymentsSucceeded", 2).count("PaymentsDeclined", 0).count("PaymentsSucceeded", 1)
                    .milliseconds("ChargeLatency", 12).milliseconds("ChargeLatency", 30);
            metrics.flush();
            metrics.flush();
        } finally {
            Log.redirect(previous);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, "a second flush with nothing new writes nothing");
        JsonNode line = Json.MAPPER.readTree(lines[0]);
        JsonNode aws = line.path("_aws");
        assertEquals(1_700_000_000_123L, aws.path("Timestamp").asLong());
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertEquals("Kiosk", directive.path("Namespace").asText());
        assertEquals("Service", directive.path("Dimensions").get(0).get(0).asText());
        assertEquals("[{\"Name\":\"PaymentsSucceeded\",\"Unit\":\"Count\"},{\"Name\":\"PaymentsDeclined\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"ChargeLatency\",\"Unit\":\"Milliseconds\"}]", directive.path("Metrics").toString());
        assertEquals("payments", line.path("Service").asText());
        assertEquals(3, line.path("PaymentsSucceeded").asLong());
        assertEquals(0, line.path("PaymentsDeclined").asLong());
        assertTrue(line.path("ChargeLatency").isArray());
        assertEquals("[12,30]", line.path("ChargeLatency").toString());
    }

    @Test
    void aRequestIsCountedByRouteAndStatusClassAndTimedByRoute() throws Exception {
        JsonNode line = Json.MAPPER.readTree(Metrics.requestLine("GET /products/{id}", 404, 12, 1_764_000_000_000L));
        JsonNode directives = line.at("/_aws/CloudWatchMetrics");
        assertEquals("[[\"Route\",\"StatusClass\"]]", directives.get(0).get("Dimensions").toString());
        assertEquals("Requests", directives.get(0).at("/Metrics/0/Name").asText());
        assertEquals("[[\"Route\"]]", directives.get(1).get("Dimensions").toString());
        assertEquals("Latency", directives.get(1).at("/Metrics/0/Name").asText());
        assertEquals("GET /products/{id}", line.path("Route").asText());
        assertEquals("4xx", line.path("StatusClass").asText());
        assertEquals(1, line.path("Requests").asInt());
        assertEquals(12, line.path("Latency").asInt());
    }
}
