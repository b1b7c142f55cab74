package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import kiosk.emulator.LocalAws;
import kiosk.testkit.ApiEvents;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Responses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /me/notifications and POST /me/notifications/{id}/read against a fresh NotificationsTable in DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class NotificationHandlersIT {

    private final DynamoDbNotificationStore store;
    private final ListNotificationsHandler list;
    private final ReadNotificationHandler read;
    private final String alice = "alice-" + UUID.randomUUID();
    private final String bob = "bob-" + UUID.randomUUID();

    NotificationHandlersIT(LocalAws aws) {
        store = new DynamoDbNotificationStore(aws.dynamoDb(), aws.freshTable("NotificationsTable"));
        InboxService inbox = new InboxService(store);
        list = new ListNotificationsHandler(inbox);
        read = new ReadNotificationHandler(inbox);
    }

    /** {@code count} notifications for the shopper, a minute apart; answers their ids, oldest first. */
    private List<String> given(String userId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(store.add(NotificationStoreContract.notification(userId,
                    Instant.parse("2026-11-21T10:00:00Z").plusSeconds(60L * i), "o-" + i,
                    NotificationType.ORDER_CONFIRMED)).notification().id());
        }
        return ids;
    }

    private APIGatewayV2HTTPResponse listAs(String userId, String... query) {
        ApiEvents request = ApiEvents.request("GET", "/me/notifications").caller(userId);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.query(query[i], query[i + 1]);
        }
        return list.handleRequest(request.build(), null);
    }

    private APIGatewayV2HTTPResponse readAs(String userId, String id) {
        return read.handleRequest(ApiEvents.request("POST", "/me/notifications/{id}/read").path("id", id)
                .caller(userId).build(), null);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void twentyFiveNotificationsPageNewestFirstWithTheCursorAndTheLastPageHasNone() {
        List<String> ids = given(alice, 25);
        given(bob, 3);
        List<String> seen = new ArrayList<>();
        JsonNode page = Responses.body(listAs(alice, "limit", "10"));
        seen.addAll(ids(page));
        page = Responses.body(listAs(alice, "limit", "10", "cursor", page.get("nextCursor").asText()));
        seen.addAll(ids(page));
        APIGatewayV2HTTPResponse last = listAs(alice, "limit", "10", "cursor", page.get("nextCursor").asText());
        assertEquals(200, last.getStatusCode());
        page = Responses.body(last);
        seen.addAll(ids(page));
        assertTrue(page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull(), page::toString);
        assertEquals(ids.reversed(), seen, "all 25, newest first, each once");

        JsonNode first = Responses.body(listAs(alice));
        assertEquals(20, first.get("items").size(), "20 unless asked");
        JsonNode newest = first.get("items").get(0);
        assertEquals("ORDER_CONFIRMED", newest.get("type").asText());
        assertEquals("o-24", newest.get("orderId").asText());
        assertEquals(1995, newest.at("/data/total").asLong());
        assertFalse(newest.get("read").asBoolean());
    }

    @Test
    void markingReadAnswersTheNotificationAndMarkingItAgainIsTheSame() {
        String id = given(alice, 1).get(0);
        APIGatewayV2HTTPResponse marked = readAs(alice, id);
        assertEquals(200, marked.getStatusCode(), marked::getBody);
        assertEquals("application/json", marked.getHeaders().get("content-type"));
        assertEquals(id, Responses.body(marked).get("id").asText());
        assertTrue(Responses.body(marked).get("read").asBoolean());
        assertEquals(Responses.body(marked), Responses.body(readAs(alice, id)), "idempotent");
        assertTrue(Responses.body(listAs(alice)).at("/items/0/read").asBoolean());
    }

    @Test
    void anotherShopperCanNeitherListNorMarkYoursNorUseYourCursor() {
        List<String> mine = given(alice, 3);
        String cursor = Responses.body(listAs(alice, "limit", "1")).get("nextCursor").asText();

        assertEquals(List.of(), ids(Responses.body(listAs(bob))));
        Responses.assertProblem(readAs(bob, mine.get(0)), 404, "not-found");
        Responses.assertProblem(listAs(bob, "cursor", cursor), 400, "bad-request");
        assertFalse(Responses.body(listAs(alice)).at("/items/2/read").asBoolean(), "still unread");
        Responses.assertProblem(list.handleRequest(ApiEvents.request("GET", "/me/notifications").build(), null),
                401, "unauthorized");
        Responses.assertProblem(read.handleRequest(ApiEvents.request("POST", "/me/notifications/{id}/read")
                .path("id", mine.get(0)).build(), null), 401, "unauthorized");
    }

    @Test
    void aBadLimitOrCursorIsA400AndABadOrUnknownIdA404() {
        given(alice, 2);
        for (String limit : List.of("0", "101", "-1", "ten", "1.5", "", "99999999999")) {
            Responses.assertProblem(listAs(alice, "limit", limit), 400, "bad-request");
        }
        String ordersCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "2026-11-21T10:00:00.000Z|o-1".getBytes(StandardCharsets.UTF_8));
        String foreignUser = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("1795255200000-o-1-ORDER_CONFIRMED|" + bob).getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("", "!!!", "%%", "bm90IGEgY3Vyc29y", ordersCursor, foreignUser, "A".repeat(5000),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, 0, 1}))) {
            Responses.assertProblem(listAs(alice, "cursor", cursor), 400, "bad-request");
        }
        for (String id : List.of("1795255200000-o-9-ORDER_CONFIRMED", "x", "../../etc", "1795255200000-" + "a".repeat(300),
                "1795255200000-o-1-ORDER_CONFIRMED\u0000", "1795255200000-o 1", "\u00e9t\u00e9")) {
            Responses.assertProblem(readAs(alice, id), 404, "not-found");
        }
    }
}
