package kiosk.catalog.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.emulator.LocalAws;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.MutableClock;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /health against DynamoDB Local and the template's tables. */
@ExtendWith(LocalAwsExtension.class)
class HealthIT {

    private final LocalAws aws;
    private final Map<String, String> tables;

    HealthIT(LocalAws aws) {
        this.aws = aws;
        this.tables = HealthService.parseTables(aws.functions().get("HealthFunction").environment().get("HEALTH_TABLES"));
    }

    private APIGatewayV2HTTPResponse get(HealthService health) {
        return new HealthHandler(health).handleRequest(ApiEvents.request("GET", "/health").build(), null);
    }

    @Test
    void checksEveryTableOfTheTemplate() {
        assertEquals(new TreeSet<>(aws.template().resources("AWS::DynamoDB::Table").keySet()), new TreeSet<>(tables.keySet()));
        APIGatewayV2HTTPResponse response = get(new HealthService(tables, new DynamoDbTableProbe(aws.dynamoDb()), "v42",
                Clock.systemUTC()));
        assertEquals(200, response.getStatusCode(), response::getBody);
        var body = Responses.body(response);
        assertEquals("ok", body.path("status").asText());
        assertEquals("v42", body.path("version").asText());
        assertEquals(tables.size(), body.path("tables").size());
        body.path("tables").forEach(state -> assertEquals("ok", state.asText()));
        assertEquals("no-store", response.getHeaders().get("cache-control"));
    }

    @Test
    void aTableThatDoesNotAnswerIsA503NamingItAndNotItsPhysicalName() {
        Map<String, String> broken = new LinkedHashMap<>(tables);
        broken.put("OrdersTable", "no-such-table");
        APIGatewayV2HTTPResponse response = get(new HealthService(broken, new DynamoDbTableProbe(aws.dynamoDb()), "v42",
                Clock.systemUTC()));
        assertEquals(503, response.getStatusCode(), response::getBody);
        var body = Responses.body(response);
        assertEquals("degraded", body.path("status").asText());
        assertEquals("unavailable", body.path("tables").path("OrdersTable").asText());
        assertEquals("ok", body.path("tables").path("ProductsTable").asText());
        assertEquals(-1, response.getBody().indexOf("no-such-table"), "tables are named by logical id, never by physical name");
    }

    @Test
    void callsInsideFiveSecondsAreAnsweredFromTheLastCheck() {
        AtomicInteger probes = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        DynamoDbTableProbe real = new DynamoDbTableProbe(aws.dynamoDb());
        HealthService health = new HealthService(tables, name -> {
            probes.incrementAndGet();
            return real.answers(name);
        }, "v42", clock);
        for (int i = 0; i < 50; i++) {
            assertEquals(200, get(health).getStatusCode());
        }
        assertEquals(tables.size(), probes.get(), "fifty calls, one check");
        clock.advance(HealthService.CACHED.minusMillis(1));
        get(health);
        assertEquals(tables.size(), probes.get());
        clock.advance(Duration.ofMillis(1));
        var body = Responses.body(get(health));
        assertEquals(2 * tables.size(), probes.get(), "checked again once the cache is 5 s old");
        assertEquals("2026-11-21T10:00:05Z", body.path("checkedAt").asText());
    }
}
