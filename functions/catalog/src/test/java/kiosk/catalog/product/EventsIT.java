package kiosk.catalog.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.shared.money.Money;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.EventFiles;
import kiosk.testkit.Handlers;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.PackageFunctions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds every file in events/ (the ones {@code sam local invoke -e} takes) to the handler that
 * template.yaml names for its function, built with its no-argument constructor and the
 * environment template.yaml gives it: the wiring a deployment runs, end to end against DynamoDB
 * Local. Files are named after the function's logical id.
 */
@ExtendWith(LocalAwsExtension.class)
class EventsIT {

    private static final String CODE_URI = "functions/catalog/target/catalog.zip";
    private static final Map<String, Integer> EXPECTED = Map.of("GET", 200, "POST", 201, "PUT", 200, "DELETE", 204);
    /** Routes whose success is not their method's usual one. */
    private static final Map<String, Integer> EXPECTED_BY_ROUTE = Map.of("POST /products/{id}/stock", 200);

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private static LocalAws aws;
    private static Map<String, FunctionConfiguration> functions;

    @BeforeAll
    static void givenTheTemplateEnvironmentAndTheProductsTheEventsName(LocalAws localAws) {
        aws = localAws;
        PackageFunctions template = PackageFunctions.of(aws, CODE_URI);
        functions = template.functions();
        CONFIG.set(template.environment());
        DynamoDbProductStore store = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        for (Path file : EventFiles.all()) {
            if (!functions.containsKey(EventFiles.logicalId(file))) {
                continue; // another package's ids (orders, notifications) are no products
            }
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
            if (event.getPathParameters() != null && event.getPathParameters().containsKey("id")) {
                String id = event.getPathParameters().get("id");
                if (store.find(id).isEmpty()) {
                    store.create(new Product(id, "Sample " + id, "", "home-office", new Money(1500L, "EUR"), 10,
                            ProductStatus.ACTIVE, 1, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
                }
            }
        }
    }

    @Test
    void everyCatalogFunctionHasAnEventFileAndEveryFileAFunction() {
        assertEquals(7, functions.size(), "catalog.zip functions in template.yaml (the catalog and health): " + functions.keySet());
        for (String id : functions.keySet()) {
            assertTrue(EventFiles.all().stream().anyMatch(f -> EventFiles.logicalId(f).equals(id)), "no event file for " + id);
        }
        for (Path file : EventFiles.all()) {
            assertTrue(aws.functions().containsKey(EventFiles.logicalId(file)), file + " names no function of template.yaml");
        }
    }

    @TestFactory
    Stream<DynamicTest> eachEventFileIsAnsweredByItsFunction() {
        return EventFiles.all().stream().filter(f -> functions.containsKey(EventFiles.logicalId(f))).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
                    kiosk.shared.http.HttpFunction handler =
                            Handlers.construct(functions.get(EventFiles.logicalId(file)));
                    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
                    int expected = EXPECTED_BY_ROUTE.getOrDefault(event.getRouteKey(),
                            EXPECTED.get(event.getRequestContext().getHttp().getMethod()));
                    assertEquals(expected, response.getStatusCode(), response::getBody);
                    if (expected != 204) {
                        assertEquals("application/json", response.getHeaders().get("content-type"));
                        assertFalse(response.getBody().isBlank());
                    }
                }));
    }
}
