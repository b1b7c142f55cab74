package kiosk.fulfilment.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.EventFiles;
import kiosk.testkit.Handlers;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events/ files of the report functions, fed to the handlers template.yaml names, built with
 * their no-argument constructors and the template's environment, against DynamoDB Local: what
 * {@code sam local invoke -e} would do.
 */
@ExtendWith(LocalAwsExtension.class)
class ReportEventsIT {

    private static final List<String> FUNCTIONS = List.of("DailyReportFunction", "GetDailyReportFunction",
            "ListDailyReportsFunction");
    /** Lambda reads these events with its own serializers, which take members the event classes do not name. */
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private static Map<String, FunctionConfiguration> functions;

    @BeforeAll
    static void givenTheTemplateEnvironmentAndTheReportTheEventsName(LocalAws aws) {
        functions = new HashMap<>();
        Map<String, String> environment = new HashMap<>();
        for (String id : FUNCTIONS) {
            functions.put(id, aws.function(id));
            environment.putAll(aws.function(id).environment());
        }
        CONFIG.set(environment);
        new DynamoDbReportStore(aws.dynamoDb(), aws.tableName("ReportsTable"))
                .put(ReportStoreContract.report("2026-11-20", 2), Instant.parse("2026-11-21T00:15:00Z"));
    }

    private static Path file(String id) {
        return EventFiles.of(id);
    }

    @Test
    void everyReportFunctionOfTheTemplateIsHereWithItsHandler() {
        for (String id : FUNCTIONS) {
            assertTrue(functions.get(id).handler().startsWith("kiosk.fulfilment.report."), id);
            assertTrue(functions.get(id).codeUri().endsWith("functions/fulfilment/target/fulfilment.zip"), id);
        }
    }

    @Test
    void theScheduledEventReportsTheDayBefore() throws Exception {
        Object handler = Handlers.construct(functions.get("DailyReportFunction"));
        Map<String, Object> report = Handlers.invoke(handler, Files.readString(file("DailyReportFunction")));
        assertEquals("2026-11-20", report.get("date"));
        assertEquals(((Number) report.get("orders")).longValue(), ((Map<?, ?>) report.get("ordersByStatus")).values().stream()
                .mapToLong(n -> ((Number) n).longValue()).sum());
    }

    @Test
    void theGetEventIsAnsweredWithItsDaysReport() throws Exception {
        APIGatewayV2HTTPResponse response = http("GetDailyReportFunction");
        assertEquals(200, response.getStatusCode(), response::getBody);
        assertEquals("2026-11-20", Responses.body(response).path("date").asText());
    }

    @Test
    void theListEventIsAnsweredWithTheReportsOfItsRange() throws Exception {
        APIGatewayV2HTTPResponse response = http("ListDailyReportsFunction");
        assertEquals(200, response.getStatusCode(), response::getBody);
        assertTrue(Responses.body(response).path("items").findValuesAsText("date").contains("2026-11-20"),
                response.getBody());
    }

    private static APIGatewayV2HTTPResponse http(String id) throws Exception {
        APIGatewayV2HTTPEvent event = LENIENT.readValue(file(id).toFile(), APIGatewayV2HTTPEvent.class);
        assertEquals("admin", event.getRequestContext().getAuthorizer().getLambda().get("roles"), "the file is read whole");
        kiosk.shared.http.HttpFunction handler = Handlers.construct(functions.get(id));
        return handler.handleRequest(event, null);
    }
}
