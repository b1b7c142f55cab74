package kiosk.catalog.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * GET /health: the deployed version and whether each table answers; 200 when all do, 503 when
 * one does not. Public, so it answers from a few seconds' cache. It lives in the catalog's
 * package for the smallest zip, and reads nothing of the catalog.
 */
public final class HealthHandler extends HttpFunction {

    private final HealthService health;

    public HealthHandler() {
        this(wired());
        // The tables described for real (reads); the report it caches is seconds old by wall clock,
        // so one taken before a snapshot is stale on restore and never served.
        SnapStart.prime("Health", () -> prime(PrimingEvent.of("GET", "/health", Map.of())));
    }

    public HealthHandler(HealthService health) {
        this.health = health;
    }

    private static HealthService wired() {
        Config config = Config.fromEnvironment();
        return new HealthService(HealthService.parseTables(config.require("HEALTH_TABLES")),
                new DynamoDbTableProbe(AwsClients.build(DynamoDbClient.builder(), config)),
                config.require("APP_VERSION"), Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            HealthReport report = health.check();
            return report.healthy() ? ApiResponse.ok(report) : ApiResponse.unavailable(report);
        });
    }
}
