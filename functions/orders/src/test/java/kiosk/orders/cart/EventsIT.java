package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.CheckoutInput;
import kiosk.orders.checkout.CheckoutService;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.ShippingRates;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.Promotion;
import kiosk.orders.promotion.PromotionService;
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
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Every events/ file of an orders function, fed to the handler template.yaml names, built with
 * its no-argument constructor and the template's environment, against DynamoDB Local.
 */
@ExtendWith(LocalAwsExtension.class)
class EventsIT {

    private static final String CODE_URI = "functions/orders/target/orders.zip";
    /** Each HTTP route's success status; the scheduled function answers how many orders it expired. */
    private static final Map<String, Integer> EXPECTED = Map.ofEntries(Map.entry("GET /cart", 200),
            Map.entry("PUT /cart/lines/{productId}", 200), Map.entry("DELETE /cart/lines/{productId}", 200),
            Map.entry("DELETE /cart", 204), Map.entry("POST /checkout", 201), Map.entry("GET /orders", 200),
            Map.entry("GET /orders/{id}", 200), Map.entry("POST /orders/{id}/cancel", 200),
            Map.entry("POST /admin/promotions", 201), Map.entry("GET /admin/promotions", 200),
            Map.entry("GET /admin/promotions/{code}", 200), Map.entry("POST /admin/promotions/{code}/deactivate", 200),
            Map.entry("GET /admin/orders", 200), Map.entry("GET /admin/orders/{id}", 200),
            Map.entry("POST /admin/orders/{id}/cancel", 200));

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    private static Map<String, FunctionConfiguration> functions;
    private static LocalAws aws;

    @BeforeAll
    static void givenTheTemplateEnvironmentAndTheProductsTheEventsName(LocalAws localAws) {
        aws = localAws;
        PackageFunctions template = PackageFunctions.of(aws, CODE_URI);
        functions = template.functions();
        CONFIG.set(template.environment());
        DynamoDbProductStore store = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        for (Path file : EventFiles.all()) {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
            String id = event.getPathParameters() == null ? null : event.getPathParameters().get("productId");
            if (id != null && store.find(id).isEmpty()) {
                store.create(new Product(id, "Sample " + id, "", "home-office", new Money(1500L, "EUR"), 10,
                        ProductStatus.ACTIVE, 1, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
            }
        }
        // The checkout event's shopper has something in the cart to check out.
        String sample = "4f6c2a1e-sample-checkout";
        store.create(new Product(sample, "Sample", "", "home-office", new Money(1500L, "EUR"), 10,
                ProductStatus.ACTIVE, 1, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        APIGatewayV2HTTPEvent checkout = EventLoader.loadApiGatewayHttpEvent(EventFiles.of("CheckoutFunction").toString());
        DynamoDbCartStore carts = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        carts.save(new Cart(checkout.getRequestContext().getAuthorizer().getLambda().get("userId").toString(),
                List.of(new Cart.Line(sample, 1)), "EUR", 1, "2026-11-21T10:00:00Z"), 0, 1_900_000_000L);
        // The promotion events name a code that exists.
        new DynamoDbPromotionStore(aws.dynamoDb(), aws.tableName("PromotionsTable")).create(new Promotion("SAMPLE-CODE",
                Promotion.Kind.PERCENT, 5, null, null, "2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z", 10, 1, 0, true,
                "2026-11-01T00:00:00Z", 1));
        // The order events' shopper has the order they name, placed the way any order is.
        APIGatewayV2HTTPEvent getOrder = EventLoader.loadApiGatewayHttpEvent(EventFiles.of("GetOrderFunction").toString());
        String orderOwner = getOrder.getRequestContext().getAuthorizer().getLambda().get("userId").toString();
        carts.save(new Cart(orderOwner, List.of(new Cart.Line(sample, 1)), "EUR", 1, "2026-11-21T10:00:00Z"), 0,
                1_900_000_000L);
        DynamoDbOrderStore orderStore = new DynamoDbOrderStore(aws.dynamoDb(), new DynamoDbOrderStore.Tables(
                aws.tableName("OrdersTable"), aws.tableName("ProductsTable"), aws.tableName("CartsTable"),
                aws.tableName("IdempotencyTable"), aws.tableName("PromotionsTable")));
        new CheckoutService(carts, new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable")), orderStore,
                new PromotionService(new DynamoDbPromotionStore(aws.dynamoDb(), aws.tableName("PromotionsTable")),
                        Clock.systemUTC()),
                ShippingRates.parse("EUR:495:5000"), Clock.systemUTC(), () -> getOrder.getPathParameters().get("id"))
                .checkout(orderOwner, "events-it", new CheckoutInput(new Address("Sam", List.of("1 Sample Road"), "Leeds",
                        "LS1 1AA", "GB"), null, "pm_card_visa", null));
    }

    /** The order ids on a queue now, taken off it. */
    private static List<String> announced(String queueName) throws Exception {
        List<String> ids = new ArrayList<>();
        String queue = aws.queueUrl(queueName);
        List<Message> batch;
        do {
            batch = aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message message : batch) {
                ids.add(new ObjectMapper().readTree(message.body()).get("orderId").asText());
                aws.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return ids;
    }

    @Test
    void everyOrdersFunctionHasAnEventFile() {
        assertEquals(EXPECTED.size() + 2, functions.size(), "orders functions in template.yaml: " + functions.keySet());
        for (String id : functions.keySet()) {
            assertTrue(EventFiles.all().stream().anyMatch(f -> EventFiles.logicalId(f).equals(id)), "no event file for " + id);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachEventFileIsAnsweredByItsFunction() {
        return EventFiles.all().stream().filter(f -> functions.containsKey(EventFiles.logicalId(f))).map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> {
                    if (Files.readString(file).contains("\"aws:dynamodb\"")) {
                        // A stream's event, as Lambda hands it over: the order inserted goes to payment, then paid to
                        // fulfilment and the shopper's notifications.
                        Object stream = Handlers.construct(functions.get(EventFiles.logicalId(file)));
                        Map<String, Object> result = Handlers.invoke(stream, Files.readString(file));
                        assertEquals(Map.of("batchItemFailures", List.of()), result);
                        for (String queue : List.of("OrdersQueue", "FulfilmentQueue", "NotificationsQueue")) {
                            assertEquals(List.of("5b2c7f3e-sample-announced-order"), announced(queue), queue);
                        }
                        return;
                    }
                    if (Files.readString(file).contains("\"Scheduled Event\"")) {
                        // A schedule's event, as EventBridge sends it: the handler takes it as a map.
                        Object scheduled = Handlers.construct(functions.get(EventFiles.logicalId(file)));
                        Map<String, Object> result = Handlers.invoke(scheduled, Files.readString(file));
                        assertTrue(result.values().stream().allMatch(Integer.class::isInstance) && result.size() == 1,
                                result.toString());
                        return;
                    }
                    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
                    kiosk.shared.http.HttpFunction handler =
                            Handlers.construct(functions.get(EventFiles.logicalId(file)));
                    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
                    assertEquals(EXPECTED.get(event.getRouteKey()), response.getStatusCode(), response::getBody);
                }));
    }
}
