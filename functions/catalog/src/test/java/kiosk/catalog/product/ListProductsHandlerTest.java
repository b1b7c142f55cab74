package kiosk.catalog.product;

import static kiosk.catalog.product.Fixtures.assertProblem;
import static kiosk.catalog.product.Fixtures.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import kiosk.testkit.ApiEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListProductsHandlerTest {

    private final InMemoryProductStore store = new InMemoryProductStore();
    private final Cursors cursors = Cursors.fromSecret("a-test-cursor-key-of-at-least-32-bytes!");
    private final ListProductsHandler handler = new ListProductsHandler(new ProductListing(store, cursors));

    @BeforeEach
    void givenACatalog() {
        for (int i = 0; i < 25; i++) {
            store.put(Fixtures.product("lamp-" + i, String.format("Lamp %02d", i), "lighting"));
        }
        store.put(Fixtures.product("chair-1", "Chair", "seating"));
        store.put(Fixtures.archived("old-1"));
    }

    @Test
    void aPageIsCacheableAndRevalidatesTo304UntilTheCatalogChanges() {
        var first = handler.handleRequest(list().query("category", "seating").build(), null);
        String tag = first.getHeaders().get("etag");
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{16}\""), tag);
        assertEquals("public, max-age=30, stale-while-revalidate=300", first.getHeaders().get("cache-control"));

        var same = handler.handleRequest(list().query("category", "seating").header("if-none-match", tag).build(), null);
        assertEquals(304, same.getStatusCode());
        assertNull(same.getBody());

        store.put(Fixtures.product("chair-2", "Chair two", "seating"));
        var changed = handler.handleRequest(list().query("category", "seating").header("if-none-match", tag).build(), null);
        assertEquals(200, changed.getStatusCode());
        assertEquals(2, body(changed).path("items").size());
        assertNotEquals(tag, changed.getHeaders().get("etag"));
    }

    @Test
    void pagesThroughACategoryWithDefaultLimitAndCursor() {
        var first = handler.handleRequest(list().query("category", "lighting").build(), null);
        assertEquals(200, first.getStatusCode());
        var firstBody = body(first);
        assertEquals(ProductListing.DEFAULT_LIMIT, firstBody.path("items").size());
        assertEquals("Lamp 00", firstBody.path("items").get(0).path("name").asText());
        String cursor = firstBody.path("nextCursor").asText();
        assertFalse(cursor.isEmpty());

        var second = body(handler.handleRequest(list().query("category", "lighting").query("cursor", cursor).build(), null));
        assertEquals(5, second.path("items").size());
        assertEquals("Lamp 20", second.path("items").get(0).path("name").asText());
        assertTrue(second.path("nextCursor").isMissingNode(), "the last page has no cursor");
    }

    @Test
    void listsEveryActiveProductAndNeverAnArchivedOne() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = list().query("limit", "7");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            var page = body(handler.handleRequest(request.build(), null));
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertEquals(26, ids.size());
        assertFalse(ids.contains("old-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1e2", "99999999999"})
    void returns400ForALimitOutOfRange(String limit) {
        var problem = assertProblem(handler.handleRequest(list().query("limit", limit).build(), null), 400, "validation");
        assertEquals("/query/limit", problem.path("errors").get(0).path("pointer").asText());
    }

    @Test
    void returns400ForAMalformedCategory() {
        assertProblem(handler.handleRequest(list().query("category", "Lighting!").build(), null), 400, "validation");
    }

    @Test
    void returns400ForATamperedCursor() {
        String cursor = body(handler.handleRequest(list().query("limit", "2").build(), null)).path("nextCursor").asText();
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[5] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertProblem(handler.handleRequest(list().query("cursor", tampered).build(), null), 400, "bad-request");
    }

    @Test
    void returns400ForACursorOfAnotherListing() {
        String lighting = body(handler.handleRequest(list().query("category", "lighting").query("limit", "2").build(), null))
                .path("nextCursor").asText();
        assertProblem(handler.handleRequest(list().query("category", "seating").query("cursor", lighting).build(), null),
                400, "bad-request");
        assertProblem(handler.handleRequest(list().query("cursor", lighting).build(), null), 400, "bad-request");
    }

    @Test
    void returns400ForACursorSignedWithAnotherKey() {
        Cursors foreign = Cursors.fromSecret("another-deployment-key-of-32-bytes-or-more");
        String cursor = foreign.encode("all", new ProductStore.Position("lamp 05#lamp-5", "lamp-5"));
        assertProblem(handler.handleRequest(list().query("cursor", cursor).build(), null), 400, "bad-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "AAAA", "eyJhbGciOiJub25lIn0"})
    void returns400ForGarbageCursors(String cursor) {
        assertProblem(handler.handleRequest(list().query("cursor", cursor).build(), null), 400, "bad-request");
    }

    @Test
    void returns400ForAnOverlongCursor() {
        String cursor = Base64.getUrlEncoder().encodeToString("x".repeat(4000).getBytes(StandardCharsets.UTF_8));
        assertProblem(handler.handleRequest(list().query("cursor", cursor).build(), null), 400, "bad-request");
    }

    private static ApiEvents list() {
        return ApiEvents.request("GET", "/products");
    }
}
