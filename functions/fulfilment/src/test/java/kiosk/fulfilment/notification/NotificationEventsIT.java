package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.orders.checkout.OrderStatus;
import kiosk.testkit.ConfigOverlay;
import kiosk.testkit.EventFiles;
import kiosk.testkit.Handlers;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events/ files of the notification functions, fed in turn to the handlers template.yaml names,
 * built with their no-argument constructors and the template's environment (no SenderEmail: the log
 * is the channel), against DynamoDB Local: the order the notify file announces is notified, listed
 * and marked read.
 */
@ExtendWith(LocalAwsExtension.class)
class NotificationEventsIT {

    private static final List<String> FUNCTIONS = List.of("NotifyFunction", "ListNotificationsFunction",
            "ReadNotificationFunction");

    @RegisterExtension
    static final ConfigOverlay CONFIG = new ConfigOverlay();

    /** The files as API Gateway's payload 2.0 JSON; the module has no events test library, and needs none for three files. */
    private static final ObjectMapper EVENTS = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final LocalAws aws;

    NotificationEventsIT(LocalAws aws) {
        this.aws = aws;
    }

    private static Path file(String logicalId) {
        return EventFiles.of(logicalId);
    }

    @Test
    void theNotifyFileIsNotifiedThenListedAndMarkedReadThroughTheTemplatesHandlers() throws Exception {
        Map<String, String> environment = new HashMap<>();
        FUNCTIONS.forEach(id -> environment.putAll(aws.function(id).environment()));
        CONFIG.set(environment);
        Map<String, Object> sqsEvent = EVENTS.readValue(file("NotifyFunction").toFile(),
                new TypeReference<Map<String, Object>>() { });
        JsonNode announcement = EVENTS.readTree(String.valueOf(((Map<?, ?>) ((List<?>) sqsEvent.get("Records"))
                .get(0)).get("body")));
        OrderFixtures.put(aws.dynamoDb(), aws.tableName("OrdersTable"), OrderFixtures.paid(
                announcement.get("orderId").asText(), announcement.get("userId").asText(), OrderStatus.PAID,
                announcement.get("updatedAt").asText()));

        Object notify = Handlers.construct(function("NotifyFunction"));
        String event = new ObjectMapper().writeValueAsString(sqsEvent);
        List<String> lines = LogCapture.of(() -> assertEquals(Map.of("batchItemFailures", List.of()),
                Handlers.invoke(notify, event)));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"message\":\"notification\"")
                && l.contains("\"type\":\"ORDER_CONFIRMED\"")), "the local runtime's log shows it: " + lines);

        APIGatewayV2HTTPResponse listed = http("ListNotificationsFunction");
        assertEquals(200, listed.getStatusCode(), listed::getBody);
        JsonNode item = Responses.body(listed).at("/items/0");
        APIGatewayV2HTTPEvent readEvent = httpEvent("ReadNotificationFunction");
        assertEquals(readEvent.getPathParameters().get("id"), item.get("id").asText(), "the read file names it");
        assertEquals("Order confirmed", item.get("title").asText());

        APIGatewayV2HTTPResponse marked = http("ReadNotificationFunction");
        assertEquals(200, marked.getStatusCode(), marked::getBody);
        assertTrue(Responses.body(marked).get("read").asBoolean());
    }

    private FunctionConfiguration function(String id) {
        return aws.function(id);
    }

    private APIGatewayV2HTTPResponse http(String id) {
        kiosk.shared.http.HttpFunction handler = Handlers.construct(function(id));
        return handler.handleRequest(httpEvent(id), null);
    }

    private static APIGatewayV2HTTPEvent httpEvent(String id) {
        try {
            return EVENTS.readValue(file(id).toFile(), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
