package kiosk.local;

import static kiosk.local.GatewayClient.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import kiosk.emulator.MailCatcher;
import kiosk.emulator.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and erasure as a shopper meets them: through the local runtime's gateway, with the
 * checkout, the payment and fulfilment jobs, the simulated partner and the notifications all
 * running, so the export is checked against what the whole shop really wrote for the account.
 */
class PrivacyIT {

    private static final String PASSWORD = "quartz lantern meadow ferry";
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static LocalRuntime runtime;
    private static GatewayClient api;

    @TempDir
    static Path data;

    @BeforeAll
    static void start() {
        Path root = Template.projectRoot();
        // With a sender, as a stage that emails: the local SES catches each message in data/mail.
        runtime = LocalRuntime.start(Options.ephemeral(root.resolve("template.yaml"))
                .withSeed(root.resolve("local/seed.json")).withDataDirectory(data)
                .withParameters(java.util.Map.of("SenderEmail", "shop@kiosk.local")), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        api = new GatewayClient(runtime.url());
        // The partner ships a second after the hand-over and delivers two later.
        assertEquals(200, api.json("PUT", "/_local/shipping-simulator", null, "{\"shipAfterSeconds\":1,\"deliverAfterSeconds\":2}").statusCode());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theExportHoldsEverythingTheShopWroteForTheShopperAndNothingOfAnyoneElse() throws Exception {
        GatewayClient.Session first = api.signUp("export-flo@example.com", PASSWORD, "Flo Export");
        GatewayClient.Session second = api.logIn("export-flo@example.com", PASSWORD);
        GatewayClient.Session other = api.signUp("export-gus@example.com", PASSWORD, "Gus Other");
        List<String> products = productIds(2);

        String order = place(first.accessToken(), products.get(0), "\"promoCode\":\"WELCOME10\",", "Flo Export");
        String othersOrder = place(other.accessToken(), products.get(0), "", "Gus Other");
        assertEquals("DELIVERED", awaitStatus(first.accessToken(), order, "DELIVERED"));
        putLine(first.accessToken(), products.get(1), 3);
        // Confirmed, shipped, delivered: the notifications job writes each as the order's stream moves.
        List<JsonNode> inbox = awaitInbox(first.accessToken(), 3);

        HttpResponse<String> response = api.get("/me/export", second.accessToken());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("content-disposition").orElse("").startsWith("attachment"));
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""));
        JsonNode export = read(response.body());

        assertEquals(1, export.get("schemaVersion").asInt());
        assertEquals("export-flo@example.com", export.at("/account/email").asText());
        assertEquals("Flo Export", export.at("/account/name").asText());
        assertEquals(2, export.get("signIns").size(), "both sign-ins, by their metadata: " + export.get("signIns"));
        assertEquals(Set.of(products.get(1)), texts(export.at("/cart/lines"), "productId"), export.get("cart").toString());
        assertEquals(3, export.at("/cart/lines/0/quantity").asInt(), export.get("cart").toString());
        assertEquals(1, export.get("orders").size(), export.get("orders").toString());
        JsonNode exported = export.at("/orders/0");
        assertEquals(order, exported.path("orderId").asText(), exported.toString());
        assertEquals("DELIVERED", exported.get("status").asText());
        assertEquals("Flo Export", exported.at("/shippingAddress/name").asText(), "the order as stored, address and all");
        assertEquals("WELCOME10", exported.get("promoCode").asText());
        assertEquals(ids(inbox), texts(export.get("notifications"), "id"), "every notice the inbox shows");
        assertEquals(1, export.get("promotionRedemptions").size());
        assertEquals("WELCOME10", export.at("/promotionRedemptions/0/code").asText());
        assertEquals(1, export.at("/promotionRedemptions/0/redemptions").asInt());

        String text = response.body();
        assertFalse(text.contains(othersOrder), "another shopper's order");
        assertFalse(text.contains("export-gus@example.com") || text.contains("Gus Other"), "another shopper's account");
        assertFalse(text.contains("$argon2"), "no password hash");
        assertFalse(text.contains(first.refreshToken()) || text.contains(second.refreshToken()), "no refresh token");
        assertFalse(text.contains(first.accessToken()), "no access token");
    }

    @Test
    void aPasswordResetIsMailedWorksOnceAndEndsEverySignInAtOnce() throws Exception {
        String email = "reset-ivy@example.com";
        String newPassword = "saffron glacier timber oak";
        GatewayClient.Session before = api.signUp(email, PASSWORD, "Ivy Reset");
        HttpResponse<String> asked = api.json("POST", "/auth/password-reset", null, GatewayClient.write(java.util.Map.of("email", email)));
        assertEquals(202, asked.statusCode(), asked.body());
        HttpResponse<String> unknown = api.json("POST", "/auth/password-reset", null,
                GatewayClient.write(java.util.Map.of("email", "nobody-here@example.com")));
        assertEquals(asked.statusCode() + asked.body(), unknown.statusCode() + unknown.body(), "no telling who has an account");

        // Checkout's queue, the notify job, SES: the token arrives by email only.
        MailCatcher.Message mail = awaitMail(email, "reset token");
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("token \\(.*?\\): ([A-Za-z0-9_-]{43})\\n").matcher(mail.text());
        assertTrue(found.find(), mail.text());
        String token = found.group(1);
        assertTrue(runtime.stack().aws().mail().messages().stream().noneMatch(m -> m.to().contains("nobody-here@example.com")));
        try (var files = java.nio.file.Files.list(data.resolve("mail"))) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(mail.id() + ".eml")).findFirst().orElseThrow();
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)));
        }

        HttpResponse<String> confirmed = api.json("POST", "/auth/password-reset/confirm", null,
                GatewayClient.write(java.util.Map.of("token", token, "newPassword", newPassword)));
        assertEquals(204, confirmed.statusCode(), confirmed.body());
        assertEquals(403, api.get("/me", before.accessToken()).statusCode(), "a token from before the reset, refused at once");
        assertEquals(401, api.json("POST", "/auth/refresh", null, GatewayClient.write(java.util.Map.of("refreshToken", before.refreshToken())))
                .statusCode(), "every sign-in ended");
        assertEquals(401, api.json("POST", "/auth/login", null, GatewayClient.write(java.util.Map.of("email", email, "password", PASSWORD)))
                .statusCode());
        GatewayClient.Session after = api.logIn(email, newPassword);
        HttpResponse<String> again = api.json("POST", "/auth/password-reset/confirm", null,
                GatewayClient.write(java.util.Map.of("token", token, "newPassword", "another fine long password")));
        assertEquals(400, again.statusCode(), again.body());
        assertTrue(read(again.body()).get("type").asText().endsWith("invalid-reset-token"), again.body());

        // The inbox says a reset was asked for and the password changed, without the token.
        List<JsonNode> inbox = awaitInbox(after.accessToken(), 2);
        assertEquals(Set.of("PASSWORD_RESET", "PASSWORD_CHANGED"), texts(GatewayClient.JSON.valueToTree(inbox), "type"));
        assertFalse(inbox.toString().contains(token), inbox.toString());
        awaitMail(email, "password of your Kiosk account was changed");
    }

    private static MailCatcher.Message awaitMail(String to, String containing) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (MailCatcher.Message m : runtime.stack().aws().mail().messages()) {
                if (m.to().contains(to) && m.text() != null && m.text().contains(containing)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " with " + containing + ": " + runtime.stack().aws().mail().messages());
    }

    @Test
    void anErasedAccountsOrdersAreAnonymisedItsTokensDoNothingAndItsEmailSignsUpAgain() throws Exception {
        String email = "erase-hal@example.com";
        GatewayClient.Session hal = api.signUp(email, PASSWORD, "Hal Erased");
        String product = productIds(1).get(0);
        String delivered = place(hal.accessToken(), product, "\"promoCode\":\"WELCOME10\",", "Hal Erased");
        assertEquals("DELIVERED", awaitStatus(hal.accessToken(), delivered, "DELIVERED"));

        // An order still on its way: the partner down, the paid order waits for it.
        assertEquals(200, api.json("PUT", "/_local/shipping-simulator", null, "{\"outage\":true}").statusCode());
        String waiting;
        try {
            waiting = place(hal.accessToken(), product, "", "Hal Erased");
            assertEquals("PAID", awaitStatus(hal.accessToken(), waiting, "PAID"));
            HttpResponse<String> blocked = erase(hal.accessToken(), PASSWORD);
            assertEquals(409, blocked.statusCode(), blocked.body());
            assertTrue(read(blocked.body()).get("type").asText().endsWith("erasure-blocked"), blocked.body());
            assertTrue(read(blocked.body()).get("detail").asText().contains(waiting), "names the order: " + blocked.body());
            assertEquals(200, api.get("/me", hal.accessToken()).statusCode(), "refused, nothing erased");

            assertEquals(202, api.json("POST", "/orders/" + waiting + "/cancel", hal.accessToken(), null).statusCode());
            assertEquals("CANCELLED", awaitStatus(hal.accessToken(), waiting, "CANCELLED"));
        } finally {
            api.json("PUT", "/_local/shipping-simulator", null, "{\"outage\":false}");
        }

        HttpResponse<String> wrong = erase(hal.accessToken(), "not the password at all");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals(200, api.get("/me", hal.accessToken()).statusCode());
        // Five erasures at once (a double click, a retry): one or more finish it, the rest find it
        // gone or meet the password check's count of attempts in flight (429), and all that run
        // give the orders the same tombstone id (checked below).
        List<CompletableFuture<HttpResponse<String>>> erasures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            erasures.add(CompletableFuture.supplyAsync(() -> erase(hal.accessToken(), PASSWORD)));
        }
        List<Integer> statuses = erasures.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertTrue(statuses.contains(204) && statuses.stream().allMatch(s -> s == 204 || s == 403 || s == 404 || s == 429), statuses.toString());

        // The access token is still unexpired and well signed: the gateway refuses it anyway (403,
        // API Gateway's answer to a refused token), at once, as no authorizer result is cached.
        for (String path : List.of("/me", "/me/export", "/cart", "/orders", "/orders/" + delivered, "/me/notifications")) {
            assertEquals(403, api.get(path, hal.accessToken()).statusCode(), path);
        }
        assertEquals(403, api.json("PUT", "/cart/lines/" + product, hal.accessToken(), "{\"quantity\":1}").statusCode());
        assertEquals(403, erase(hal.accessToken(), PASSWORD).statusCode());
        assertEquals(401, api.json("POST", "/auth/refresh", null, GatewayClient.write(java.util.Map.of("refreshToken", hal.refreshToken())))
                .statusCode(), "the sign-in is gone");
        assertEquals(401, api.json("POST", "/auth/login", null, GatewayClient.write(java.util.Map.of("email", email, "password", PASSWORD)))
                .statusCode());

        // Kept for the books, with no one's name or street on it.
        String admin = api.logIn(runtime.admin().email(), runtime.admin().password()).accessToken();
        for (String id : List.of(delivered, waiting)) {
            JsonNode kept = read(api.get("/admin/orders/" + id, admin).body());
            assertTrue(kept.get("userId").asText().startsWith("erased-"), kept.toString());
            assertEquals("(erased)", kept.at("/shippingAddress/name").asText(), kept.toString());
            assertEquals(List.of("(erased)"), StreamSupport.stream(kept.at("/shippingAddress/lines").spliterator(), false)
                    .map(JsonNode::asText).toList());
            assertEquals("erased", kept.at("/shippingAddress/postalCode").asText());
            assertEquals("DE", kept.at("/shippingAddress/country").asText(), "the country stays, for tax");
            assertFalse(kept.toString().contains("Hal Erased") || kept.toString().contains("Erasestrasse"), kept.toString());
        }
        assertEquals(read(api.get("/admin/orders/" + delivered, admin).body()).get("userId"),
                read(api.get("/admin/orders/" + waiting, admin).body()).get("userId"), "one tombstone id per account");

        // The email is free again, for a new account that inherits nothing.
        GatewayClient.Session again = api.signUp(email, PASSWORD, "Hal Again");
        JsonNode fresh = read(api.get("/me/export", again.accessToken()).body());
        assertNotEquals(read(api.get("/admin/orders/" + delivered, admin).body()).get("userId").asText(), fresh.at("/account/id").asText());
        assertEquals(0, fresh.get("orders").size(), fresh.toString());
        assertEquals(0, fresh.get("notifications").size(), fresh.toString());
        assertEquals(0, fresh.get("promotionRedemptions").size(), fresh.toString());
        assertEquals(1, fresh.get("signIns").size(), fresh.toString());
        assertEquals(0, read(api.get("/orders", again.accessToken()).body()).get("items").size());
    }

    @Test
    void anErasureAndACheckoutAtOnceEndOneWayOrTheOtherNeverBoth() throws Exception {
        String product = productIds(1).get(0);
        int stockBefore = stock(product);
        int rounds = 8;
        // The erasure spends most of its time verifying the password (Argon2id), the checkout
        // almost none: the checkout starts later round by round, across the erasure's whole span.
        GatewayClient.Session probe = api.signUp("race-probe@example.com", PASSWORD, "Race Probe");
        long began = System.nanoTime();
        assertEquals(400, erase(probe.accessToken(), "a wrong password, to time one").statusCode());
        long span = (System.nanoTime() - began) / 1_000_000;

        List<GatewayClient.Session> shoppers = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            GatewayClient.Session shopper = api.signUp("race-" + i + "@example.com", PASSWORD, "Race " + i);
            putLine(shopper.accessToken(), product, 1);
            shoppers.add(shopper);
        }
        int placed = 0;
        int erased = 0;
        List<String> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < rounds; i++) {
                String token = shoppers.get(i).accessToken();
                long delay = span * 3 / 2 * i / (rounds - 1);
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<HttpResponse<String>> erasure = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return erase(token, PASSWORD);
                }, pool);
                CompletableFuture<HttpResponse<String>> checkout = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    sleep(delay);
                    return checkout(token, "", "Race Shopper");
                }, pool);
                go.countDown();
                HttpResponse<String> e = erasure.get();
                HttpResponse<String> c = checkout.get();
                outcomes.add("delay " + delay + " ms: checkout " + c.statusCode()
                        + (c.statusCode() == 409 ? " " + read(c.body()).path("type").asText() : "") + ", erasure " + e.statusCode());
                if (c.statusCode() == 201) {
                    // The order came first: the erasure saw it and refused, and the account lives on.
                    assertEquals(409, e.statusCode(), outcomes + e.body());
                    assertTrue(read(e.body()).get("type").asText().endsWith("erasure-blocked"), e.body());
                    String id = read(c.body()).get("id").asText();
                    assertEquals(id, read(api.get("/orders", token).body()).at("/items/0/id").asText());
                    placed++;
                } else {
                    // The erasure came first: the checkout was refused at the gateway, by its own
                    // condition on the account, or because the erasure had already emptied the cart.
                    assertEquals(204, e.statusCode(), outcomes + e.body());
                    assertTrue(c.statusCode() == 403 || c.statusCode() == 409 && read(c.body()).get("type").asText()
                            .matches(".*:(account-erased|cart-empty)"), outcomes + c.body());
                    assertEquals(403, api.get("/me", token).statusCode());
                    erased++;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("erasure during checkout: " + outcomes);
        assertEquals(rounds, placed + erased);
        // Exactly the orders placed took stock: no erased account's checkout reserved a unit.
        assertEquals(stockBefore - placed, stock(product), outcomes.toString());
    }

    private static HttpResponse<String> erase(String token, String password) {
        return api.json("DELETE", "/me", token, GatewayClient.write(java.util.Map.of("password", password)));
    }

    private static List<String> productIds(int count) {
        JsonNode page = read(api.get("/products?limit=" + count, null).body());
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertEquals(count, ids.size());
        return ids;
    }

    private static int stock(String product) {
        return read(api.get("/products/" + product, null).body()).get("stock").asInt();
    }

    private static void putLine(String token, String product, int quantity) {
        HttpResponse<String> put = api.json("PUT", "/cart/lines/" + product, token, "{\"quantity\":" + quantity + "}");
        assertEquals(200, put.statusCode(), put.body());
    }

    /** One unit checked out to {@code name} in Germany with the test Visa: the order's id. */
    private static String place(String token, String product, String extra, String name) {
        putLine(token, product, 1);
        HttpResponse<String> placed = checkout(token, extra, name);
        assertEquals(201, placed.statusCode(), placed.body());
        return read(placed.body()).get("id").asText();
    }

    private static HttpResponse<String> checkout(String token, String extra, String name) {
        return api.json("POST", "/checkout", token, "{" + extra + "\"shippingAddress\":{\"name\":" + GatewayClient.write(name) + """
                ,"lines":["Erasestrasse 9"],"city":"Berlin","postalCode":"10115","country":"DE"},"paymentMethod":"pm_card_visa"}""",
                "idempotency-key", UUID.randomUUID().toString());
    }

    /** The order's status once it is {@code wanted}, or as it stands after 30 s of polling. */
    private static String awaitStatus(String token, String order, String wanted) throws InterruptedException {
        String status = "";
        for (int i = 0; i < 300 && !status.equals(wanted); i++) {
            status = read(api.get("/orders/" + order, token).body()).get("status").asText();
            if (!status.equals(wanted)) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    private static List<JsonNode> awaitInbox(String token, int count) throws InterruptedException {
        List<JsonNode> items = List.of();
        for (int i = 0; i < 300 && items.size() < count; i++) {
            items = new ArrayList<>();
            read(api.get("/me/notifications", token).body()).get("items").forEach(items::add);
            if (items.size() < count) {
                Thread.sleep(100);
            }
        }
        assertEquals(count, items.size(), items.toString());
        return items;
    }

    private static Set<String> ids(List<JsonNode> nodes) {
        Set<String> ids = new TreeSet<>();
        nodes.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static Set<String> texts(JsonNode array, String field) {
        Set<String> values = new TreeSet<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
