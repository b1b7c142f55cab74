package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kiosk.emulator.Template;
import kiosk.local.function.LocalFunction;
import kiosk.testkit.contract.ContractCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiosk's own template.yaml and packages, as the README's run command starts them (in-process, on
 * a free port, with the shipped seed file), driven by a real HTTP client.
 */
class KioskRuntimeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    /** What reaches stderr while this class runs: the runtime's and every function's start-up. */
    private static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    private static PrintStream stderr;
    private static PrintStream stdout;
    /** What the functions print: their log lines, as Lambda sends a function's stdout to its log. */
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    private static LocalRuntime runtime;
    private static GatewayClient client;

    @TempDir
    static Path data;

    @BeforeAll
    static void start() {
        stderr = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                stderr.write(b);
                ERR.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        stdout = System.out;
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                stdout.write(b);
                synchronized (OUT) {
                    OUT.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8));
        Path root = Template.projectRoot();
        runtime = LocalRuntime.start(Options.ephemeral(root.resolve("template.yaml"))
                .withSeed(root.resolve("local/seed.json")).withDataDirectory(data), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        client = new GatewayClient(runtime.url());
    }

    @AfterAll
    static void stop() {
        System.out.println(LOG.toString(StandardCharsets.UTF_8));
        runtime.close();
        System.setErr(stderr);
        System.setOut(stdout);
    }

    @Test
    void everyFunctionStartsWithOnlyTheEnvironmentTheTemplateGivesIt() {
        runtime.warmAll();
        List<String> cold = runtime.stack().functions().values().stream().filter(f -> !f.warm())
                .map(f -> f.configuration().logicalId()).toList();
        assertEquals(List.of(), cold, "failed to initialise:\n" + LOG.toString(StandardCharsets.UTF_8));
        LocalFunction logout = runtime.stack().function("LogoutFunction");
        assertFalse(logout.configuration().environment().containsKey("USERS_TABLE"), "least environment, as deployed");
    }

    @Test
    void everyLogLineNamesItsFunctionColdStartAndTraceAndEachRequestIsAMetric() throws Exception {
        assertEquals(404, get("/products/no-such-product").statusCode());
        assertEquals(404, get("/products/no-such-product").statusCode());
        String printed;
        synchronized (OUT) {
            printed = OUT.toString(StandardCharsets.UTF_8);
        }
        List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
        for (String line : printed.lines().filter(l -> l.contains("\"function\":\"GetProductFunction\"")
                && l.contains("\"message\":\"request\"")).toList()) {
            lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        }
        assertTrue(lines.size() >= 2, printed);
        assertEquals(1, lines.stream().filter(l -> l.path("coldStart").asBoolean()).count(),
                "the environment's first invocation, and only it, is its cold start: " + lines);
        for (var line : lines) {
            assertTrue(line.path("traceId").asText().matches("1-[0-9a-f]{8}-[0-9a-f]{24}"), line.toString());
            assertTrue(line.path("coldStart").isBoolean(), line.toString());
            assertFalse(line.path("requestId").asText().isEmpty(), line.toString());
        }
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("{\"_aws\"") && l.contains("\"Route\":\"GET /products/{id}\"")
                && l.contains("\"StatusClass\":\"4xx\"") && l.contains("\"Requests\":1")), "an EMF line per request, by route");
    }

    @Test
    void healthAnswersEveryTableAndTheRuntimeAddsItsOwnServices() throws Exception {
        HttpResponse<String> api = get("/health");
        assertEquals(200, api.statusCode(), api.body());
        var health = JSON.readTree(api.body());
        assertEquals("ok", health.get("status").asText());
        assertEquals(runtime.stack().aws().template().resources("AWS::DynamoDB::Table").size(), health.get("tables").size());

        HttpResponse<String> local = get("/_local/health");
        assertEquals(200, local.statusCode(), local.body());
        var runtimeHealth = JSON.readTree(local.body());
        assertEquals("ok", runtimeHealth.get("status").asText(), local.body());
        assertEquals(health.get("tables"), runtimeHealth.at("/api/tables"));
        runtimeHealth.get("services").forEach(state -> assertEquals("ok", state.asText(), local.body()));
        assertEquals(3, runtimeHealth.get("services").size());
        assertFalse(runtimeHealth.get("consumers").isEmpty());
        runtimeHealth.get("consumers").forEach(state -> assertEquals("polling", state.asText(), local.body()));
        assertTrue(runtimeHealth.get("schedules").has("daily-sales-report"), local.body());
    }

    @Test
    void noFunctionNorTheRuntimeStartsWithSlf4jNotices() throws Exception {
        runtime.warmAll();
        assertEquals(200, get("/products?limit=1").statusCode());
        String stderrText = ERR.toString(StandardCharsets.UTF_8);
        assertFalse(stderrText.contains("SLF4J"), "SLF4J notices would reach Lambda's logs on every cold start:\n" + stderrText);
    }

    @Test
    void everyPackageOfTheTemplateIsAtMostTwelveMegabytesButTheJobsAndFulfilment() throws Exception {
        for (LocalFunction function : runtime.stack().functions().values()) {
            Path zip = function.configuration().codeUri();
            // The jobs carry Stripe's client, which ships its whole API (17 MB) and cannot be trimmed
            // (StripeGatewayIT); they serve no request, and the simulator's path never loads it.
            // Fulfilment carries SES v2's model (3 MB), which only the notifications job loads.
            String name = zip.getFileName().toString();
            long budget = name.equals("jobs.zip") ? 30L : name.equals("fulfilment.zip") ? 15L : 12L;
            assertTrue(Files.size(zip) <= budget * 1024 * 1024, zip + " is " + Files.size(zip) + " bytes");
        }
    }

    @Test
    void theSeedsGiveADemoCatalogAndAnAdminWhoseDataIsKept() throws Exception {
        JsonNode page = JSON.readTree(get("/products?limit=100").body());
        Set<String> categories = new HashSet<>();
        page.get("items").forEach(p -> categories.add(p.get("category").asText()));
        assertTrue(page.get("items").size() >= 20, "at least 20 products: " + page.get("items").size());
        assertTrue(categories.size() >= 4, "across several categories: " + categories);
        assertTrue(Files.isRegularFile(data.resolve("seeded")), "seeded once: the marker stops a second seeding");
        assertTrue(Files.isRegularFile(data.resolve("dynamodb").resolve("shared-local-instance.db")), "DynamoDB data on disk");
        assertEquals(runtime.admin().email(), JSON.readTree(Files.readString(data.resolve("admin.json"))).get("email").asText());
        Seeder.Account shopper = runtime.accounts().get("shopper");
        assertEquals(shopper.email(), JSON.readTree(Files.readString(data.resolve("shopper.json"))).get("email").asText());
        String token = logIn(shopper.email(), shopper.password());
        HttpResponse<String> me = send(HttpRequest.newBuilder(runtime.url().resolve("/me")).header("authorization", "Bearer " + token).GET());
        assertEquals("[]", JSON.readTree(me.body()).get("roles").toString(), "the demo shopper is no admin");
        String product = JSON.readTree(get("/products?limit=1").body()).at("/items/0/id").asText();
        send(HttpRequest.newBuilder(runtime.url().resolve("/cart/lines/" + product)).header("authorization", "Bearer " + token)
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")));
        HttpResponse<String> preview = send(HttpRequest.newBuilder(runtime.url().resolve("/cart?promoCode=WELCOME10"))
                .header("authorization", "Bearer " + token).GET());
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(JSON.readTree(preview.body()).at("/discount/amount").asLong() > 0, preview.body());
        try (var paths = Files.walk(data)) {
            for (Path path : paths.toList()) {
                assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path + " is owner-only");
            }
        }
    }

    @Test
    void theSummarysSignInLinePastedIntoAShellSetsAnAdminToken() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Summary.print(new PrintStream(printed, true, StandardCharsets.UTF_8), runtime, System.currentTimeMillis());
        String line = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.trim().startsWith("TOKEN="))
                .findFirst().orElseThrow(() -> new AssertionError("no TOKEN= line in\n" + printed)).trim();
        // Pasted as printed, then the token used as the README uses it.
        Process shell = new ProcessBuilder("sh", "-c", line + " && curl -s -o /dev/null -w '%{http_code}' "
                + runtime.url() + "/me -H \"authorization: Bearer $TOKEN\" && printf ' %s' \"$TOKEN\"")
                .redirectErrorStream(true).start();
        String[] out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
        assertEquals(0, shell.waitFor(), String.join(" ", out));
        assertEquals("200", out[0], "GET /me with $TOKEN: " + String.join(" ", out));
        JsonNode me = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve("/me"))
                .header("authorization", "Bearer " + out[1]).GET()).body());
        assertTrue(me.get("roles").toString().contains("admin"), me.toString());
    }

    @Test
    void aCatalogRoundTripThroughTheGatewayAndTheAdminAuthorizer() throws Exception {
        String token = adminToken();
        HttpResponse<String> created = send(HttpRequest.newBuilder(runtime.url().resolve("/products"))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Round trip lamp","description":"Test","category":"lighting",
                         "price":{"amount":1999,"currency":"EUR"},"stock":3}""")));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("location").orElseThrow();
        String etag = created.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> read = get(location);
        assertEquals(200, read.statusCode());
        assertEquals("Round trip lamp", JSON.readTree(read.body()).get("name").asText());
        assertEquals(etag, read.headers().firstValue("etag").orElseThrow());

        HttpResponse<String> updated = send(HttpRequest.newBuilder(runtime.url().resolve(location))
                .header("authorization", "Bearer " + token).header("content-type", "application/json").header("if-match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Round trip lamp","description":"Brighter","category":"lighting",
                         "price":{"amount":2499,"currency":"EUR"}}""")));
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(2499, JSON.readTree(get(location).body()).get("price").get("amount").asInt());

        HttpResponse<String> restocked = send(HttpRequest.newBuilder(runtime.url().resolve(location + "/stock"))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"delta\":4}")));
        assertEquals(200, restocked.statusCode(), restocked.body());
        assertEquals(7, JSON.readTree(restocked.body()).get("stock").asInt(), "3 created, 4 received");
        // The stock moved, so the representation's tag did; its version did not, so the edit's tag still holds.
        String editTag = updated.headers().firstValue("etag").orElseThrow();
        String stockTag = restocked.headers().firstValue("etag").orElseThrow();
        assertNotEquals(editTag, stockTag);
        assertEquals(editTag.substring(0, editTag.indexOf('.')), stockTag.substring(0, stockTag.indexOf('.')));
        assertEquals(1, JSON.readTree(get("/products?category=lighting").body()).get("items").size());

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(runtime.url().resolve(location))
                .header("authorization", "Bearer " + token).header("if-match", updated.headers().firstValue("etag").orElseThrow())
                .DELETE());
        assertEquals(204, deleted.statusCode(), deleted.body());
        HttpResponse<String> gone = get(location);
        assertEquals(404, gone.statusCode());
        assertEquals("application/problem+json", gone.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void theAuthorizersRefuseAsApiGatewayDoes() throws Exception {
        HttpResponse<String> none = get("/me");
        assertEquals(401, none.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", none.body());

        HttpResponse<String> forged = send(HttpRequest.newBuilder(runtime.url().resolve("/me"))
                .header("authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").GET());
        assertEquals(403, forged.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", forged.body());

        String shopper = signUpAndLogIn("shopper@example.com");
        HttpResponse<String> me = send(HttpRequest.newBuilder(runtime.url().resolve("/me")).header("authorization", "Bearer " + shopper).GET());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("shopper@example.com", JSON.readTree(me.body()).get("email").asText());

        HttpResponse<String> notAdmin = send(HttpRequest.newBuilder(runtime.url().resolve("/products"))
                .header("authorization", "Bearer " + shopper).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, notAdmin.statusCode(), "the Admin authorizer refuses a signed-in shopper");
    }

    @Test
    void theFunctionsAnswersAreCheckedAgainstTheApiDocument() throws Exception {
        // Each function's own copy of Http reaches the contract check through the system class loader.
        int before = ContractCheck.validated();
        assertEquals(200, get("/products?limit=1").statusCode());
        assertTrue(ContractCheck.validated() > before, "GET /products was checked against api/openapi.yaml");
    }

    @Test
    void theShopIsServedAtTheRootAndTheApiKeepsEveryPathItDeclares() throws Exception {
        HttpResponse<String> root = get("/");
        WebShop shop = WebShop.of(Template.projectRoot().resolve("template.yaml"));
        // The build of web/ is CI's browser step, not this one's: either the shop or how to build it.
        assertEquals(shop.built() ? 200 : 404, root.statusCode());
        assertEquals("text/html; charset=utf-8", root.headers().firstValue("content-type").orElse(null));
        assertTrue(shop.built() ? root.body().contains("<script type=\"module\"") : root.body().contains(WebShop.BUILD_COMMAND), root.body());
        HttpResponse<String> products = get("/products?limit=1");
        assertEquals("application/json", products.headers().firstValue("content-type").orElse(null));
        assertEquals(404, send(HttpRequest.newBuilder(runtime.url().resolve("/")).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    @Test
    void aScheduleFiredWithInputItsFunctionRefusesIsTheCallersToFix() throws Exception {
        for (String input : new String[] {"{\"date\": \"not-a-date\"}", "{\"date\": 123}", "{\"date\": null}", "{\"date\": \"2999-01-01\"}"}) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(runtime.url().resolve("/_local/schedules/daily-sales-report"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(input)));
            assertEquals(400, refused.statusCode(), input + ": " + refused.body());
            assertTrue(JSON.readTree(refused.body()).get("message").asText().matches("(?s).*(date|day).*"), refused.body());
        }
        HttpResponse<String> today = send(HttpRequest.newBuilder(runtime.url().resolve("/_local/schedules/daily-sales-report"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\": \"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\"}")));
        assertEquals(200, today.statusCode(), today.body());
    }

    @Test
    void anUnknownRouteIsApiGatewaysNotFound() throws Exception {
        HttpResponse<String> response = get("/nowhere");
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
        assertEquals(404, send(HttpRequest.newBuilder(runtime.url().resolve("/me")).PUT(HttpRequest.BodyPublishers.noBody())).statusCode(), "a route's path with another method");
    }

    @Test
    void corsFollowsTheTemplatesConfiguration() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(runtime.url().resolve("/products/abc"))
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals("*", preflight.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("600", preflight.headers().firstValue("access-control-max-age").orElseThrow());
        HttpResponse<String> read = send(HttpRequest.newBuilder(runtime.url().resolve("/products")).header("Origin", "https://shop.example").GET());
        assertEquals("etag,location,idempotent-replayed,retry-after", read.headers().firstValue("access-control-expose-headers").orElseThrow());
    }

    @Test
    void eachShopperFillsTheirOwnCartAndChecksItOutThroughTheGateway() throws Exception {
        String ann = signUpAndLogIn("cart-ann@example.com");
        String bob = signUpAndLogIn("cart-bob@example.com");
        String product = JSON.readTree(get("/products?limit=1").body()).at("/items/0/id").asText();
        HttpResponse<String> added = send(HttpRequest.newBuilder(runtime.url().resolve("/cart/lines/" + product))
                .header("authorization", "Bearer " + ann).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":2}")));
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(product, JSON.readTree(added.body()).at("/lines/0/productId").asText());

        JsonNode annsCart = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve("/cart"))
                .header("authorization", "Bearer " + ann).GET()).body());
        assertEquals(2, annsCart.get("itemCount").asInt());
        JsonNode bobsCart = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve("/cart"))
                .header("authorization", "Bearer " + bob).GET()).body());
        assertEquals(0, bobsCart.get("lines").size(), "a shopper sees only their own cart");
        assertEquals(401, send(HttpRequest.newBuilder(runtime.url().resolve("/cart")).GET()).statusCode());

        HttpResponse<String> placed = send(HttpRequest.newBuilder(runtime.url().resolve("/checkout"))
                .header("authorization", "Bearer " + ann).header("content-type", "application/json")
                .header("idempotency-key", "3b0e2c1a-5d4f-4e6a-8b7c-9d0e1f2a3b4c")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"shippingAddress":{"name":"Ann","lines":["Hauptstrasse 1"],"city":"Berlin","postalCode":"10115",
                         "country":"DE"},"paymentMethod":"pm_card_retry"}""")));
        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals(2, JSON.readTree(placed.body()).at("/lines/0/quantity").asInt());
        String location = placed.headers().firstValue("location").orElseThrow();
        assertEquals(200, send(HttpRequest.newBuilder(runtime.url().resolve(location))
                .header("authorization", "Bearer " + ann).GET()).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(runtime.url().resolve(location))
                .header("authorization", "Bearer " + bob).GET()).statusCode(), "Bob cannot see Ann's order");
        assertEquals(404, send(HttpRequest.newBuilder(runtime.url().resolve(location + "/cancel"))
                .header("authorization", "Bearer " + bob).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        JsonNode annsOrders = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve("/orders"))
                .header("authorization", "Bearer " + ann).GET()).body());
        assertEquals(location, "/orders/" + annsOrders.at("/items/0/id").asText());
        HttpResponse<String> cancelled = send(HttpRequest.newBuilder(runtime.url().resolve(location + "/cancel"))
                .header("authorization", "Bearer " + ann).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("CANCELLED", JSON.readTree(cancelled.body()).get("status").asText(), cancelled.body());
        assertEquals(0, JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve("/cart"))
                .header("authorization", "Bearer " + ann).GET()).body()).get("lines").size(), "checked out, emptied");
        assertEquals(409, send(HttpRequest.newBuilder(runtime.url().resolve("/checkout"))
                .header("authorization", "Bearer " + bob).header("content-type", "application/json")
                .header("idempotency-key", "3b0e2c1a-5d4f-4e6a-8b7c-9d0e1f2a3b4c")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"shippingAddress":{"name":"Bob","lines":["Rue 2"],"city":"Paris","postalCode":"75001",
                         "country":"FR"},"paymentMethod":"pm_card_visa"}"""))).statusCode(),
                "Bob's empty cart: the same key is his own, not Ann's order");
    }

    @Test
    void anOrderPlacedIsAnnouncedFromTheStreamAndPaidByThePaymentJob() throws Exception {
        String cy = signUpAndLogIn("paid-cy@example.com");
        String product = JSON.readTree(get("/products?limit=1").body()).at("/items/0/id").asText();
        String location = placeOneUnit(cy, product, "0c6f0e1a-2b3c-4d5e-8f90-a1b2c3d4e5f6", """
                {"name":"Cy","lines":["Rue 3"],"city":"Lyon","postalCode":"69001","country":"FR"}""");
        // The stream reader announces it, the queue's consumer pays it: no call of the test's does either.
        assertEquals("PAID", awaitStatus(cy, location, "PAID", 100));
    }

    @Test
    void thePaymentSimulatorIsSwitchedThroughItsLocalRouteAndRefusesWhatItCannotSet() throws Exception {
        HttpResponse<String> now = get("/_local/payment-simulator");
        assertEquals(200, now.statusCode(), now.body());
        assertFalse(JSON.readTree(now.body()).get("outage").asBoolean());
        try {
            HttpResponse<String> down = putSimulator("{\"outage\":true,\"latencyMillis\":5}");
            assertEquals(200, down.statusCode(), down.body());
            JsonNode switched = JSON.readTree(get("/_local/payment-simulator").body());
            assertTrue(switched.get("outage").asBoolean());
            assertEquals(5, switched.get("latencyMillis").asInt());
            for (String wrong : List.of("{\"outage\":\"yes\"}", "{\"latencyMillis\":-1}", "{\"latencyMillis\":999999}",
                    "{\"nope\":1}", "not json", "{\"outage\":false}garbage", "{\"outage\":false,\"outage\":true}",
                    "{\"outage\":false}" + " ".repeat(5000))) {
                HttpResponse<String> refused = putSimulator(wrong);
                assertEquals(400, refused.statusCode(), wrong + " -> " + refused.body());
                assertFalse(refused.body().contains("java."), "no exception's name: " + refused.body());
            }
        } finally {
            putSimulator("{\"outage\":false,\"latencyMillis\":0}");
        }
        assertFalse(JSON.readTree(get("/_local/payment-simulator").body()).get("outage").asBoolean());
    }

    @Test
    void aPaidOrderCancelledIsRefundedByThePaymentJobAndItsUnitsComeBack() throws Exception {
        // The partner down: the paid order stays PAID, not yet handed to fulfilment, so it can be cancelled.
        assertEquals(200, putShippingSimulator("{\"outage\":true}").statusCode());
        try {
            refundAPaidOrderCancelled();
        } finally {
            putShippingSimulator("{\"outage\":false}");
        }
    }

    private static void refundAPaidOrderCancelled() throws Exception {
        String di = signUpAndLogIn("refund-di@example.com");
        JsonNode product = JSON.readTree(get("/products?limit=1").body()).at("/items/0");
        String id = product.get("id").asText();
        String location = placeOneUnit(di, id, "7e1d2c3b-4a5f-4e6d-9c8b-a7f6e5d4c3b2", """
                {"name":"Di","lines":["Via 4"],"city":"Roma","postalCode":"00100","country":"IT"}""");
        assertEquals("PAID", awaitStatus(di, location, "PAID", 150));
        int refundsBefore = JSON.readTree(get("/_local/payment-simulator").body()).at("/ledger/refunds").asInt();
        int stockPaid = JSON.readTree(get("/products/" + id).body()).get("stock").asInt();

        HttpResponse<String> cancelling = send(HttpRequest.newBuilder(runtime.url().resolve(location + "/cancel"))
                .header("authorization", "Bearer " + di).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, cancelling.statusCode(), cancelling.body());
        assertEquals("CANCELLING", JSON.readTree(cancelling.body()).get("status").asText());
        assertEquals("CANCELLED", awaitStatus(di, location, "CANCELLED", 150), "refunded in the background, then cancelled");
        JsonNode payment = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve(location))
                .header("authorization", "Bearer " + di).GET()).body()).get("payment");
        assertTrue(payment.get("refundId").asText().startsWith("re_sim_"), payment.toString());
        assertEquals("cancelled after payment", payment.get("refundReason").asText());
        assertEquals(stockPaid + 1, JSON.readTree(get("/products/" + id).body()).get("stock").asInt());
        JsonNode ledger = JSON.readTree(get("/_local/payment-simulator").body()).get("ledger");
        assertEquals(refundsBefore + 1, ledger.get("refunds").asInt());
        assertEquals(0, ledger.get("doubleCharges").asInt());
    }

    @Test
    void anOrdersWholeLifeRunsThroughTheGatewayQueuesAndPartnerAndTheShopperHearsOfEachStep() throws Exception {
        HttpResponse<String> quick = putShippingSimulator("{\"shipAfterSeconds\":1,\"deliverAfterSeconds\":2}");
        assertEquals(200, quick.statusCode(), quick.body());
        String ed = signUpAndLogIn("whole-life-ed@example.com");
        String product = JSON.readTree(get("/products?limit=1").body()).at("/items/0/id").asText();
        String location = placeOneUnit(ed, product, "3b9e2f4a-5c6d-4e7f-8a9b-0c1d2e3f4a5b", """
                {"name":"Ed","lines":["Kade 5"],"city":"Amsterdam","postalCode":"1011AB","country":"NL"}""");
        // Checkout -> stream -> payment job -> stream -> fulfilment job -> partner -> its signed
        // callbacks through this gateway's webhook route -> stream -> notifications: no call of the test's.
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 300 && !seen.contains("DELIVERED"); i++) {
            String status = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve(location))
                    .header("authorization", "Bearer " + ed).GET()).body()).get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            Thread.sleep(100);
        }
        assertEquals("DELIVERED", seen.get(seen.size() - 1), "the statuses seen: " + seen);
        java.util.List<String> life = java.util.List.of("PENDING_PAYMENT", "PAID", "FULFILLING", "SHIPPED", "DELIVERED");
        assertEquals(seen, life.stream().filter(seen::contains).toList(), "only forward, in order: " + seen);
        JsonNode shipment = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve(location))
                .header("authorization", "Bearer " + ed).GET()).body()).get("shipment");
        assertTrue(shipment.get("trackingNumber").asText().startsWith("KP"), shipment.toString());
        assertTrue(shipment.hasNonNull("shippedAt") && shipment.hasNonNull("deliveredAt"), shipment.toString());

        // Each step that matters is in the inbox exactly once, newest first.
        java.util.List<String> types = new java.util.ArrayList<>();
        JsonNode inbox = null;
        for (int i = 0; i < 100 && types.size() < 3; i++) {
            inbox = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve("/me/notifications"))
                    .header("authorization", "Bearer " + ed).GET()).body());
            types.clear();
            inbox.get("items").forEach(n -> types.add(n.get("type").asText()));
            Thread.sleep(100);
        }
        assertEquals(java.util.List.of("ORDER_DELIVERED", "ORDER_SHIPPED", "ORDER_CONFIRMED"), types, inbox.toString());
        assertTrue(inbox.toString().contains(shipment.get("trackingNumber").asText()), "the shipped one names the tracking");
        String printed;
        synchronized (OUT) {
            printed = OUT.toString(StandardCharsets.UTF_8);
        }
        String orderId = location.substring(location.lastIndexOf('/') + 1);
        for (String type : types) {
            assertTrue(printed.lines().anyMatch(l -> l.contains("\"message\":\"notification\"") && l.contains(type)
                    && l.contains(orderId)), "the runtime's log shows the " + type + " notification");
        }

        // The webhook route is public but refuses what the partner did not sign.
        HttpResponse<String> forged = post("/webhooks/shipping", "{\"id\":\"evt_forged\",\"type\":\"shipment.returned\","
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\",\"shipmentId\":\"" + shipment.get("shipmentId").asText()
                + "\",\"orderId\":\"" + orderId + "\"}");
        assertEquals(401, forged.statusCode(), forged.body());
        assertEquals("DELIVERED", awaitStatus(ed, location, "DELIVERED", 1));
    }

    /** One unit of a product in the shopper's cart, checked out with pm_card_visa: the order's location. */
    private static String placeOneUnit(String token, String productId, String idempotencyKey, String address)
            throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(runtime.url().resolve("/cart/lines/" + productId))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"))).statusCode());
        HttpResponse<String> placed = send(HttpRequest.newBuilder(runtime.url().resolve("/checkout"))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .header("idempotency-key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"shippingAddress\":" + address
                        + ",\"paymentMethod\":\"pm_card_visa\"}")));
        assertEquals(201, placed.statusCode(), placed.body());
        return placed.headers().firstValue("location").orElseThrow();
    }

    /** The order's status once it is {@code wanted}, or as it stands after {@code attempts} polls 200 ms apart. */
    private static String awaitStatus(String token, String location, String wanted, int attempts) throws Exception {
        String status = "";
        for (int i = 0; i < attempts && !status.equals(wanted); i++) {
            Thread.sleep(200);
            status = JSON.readTree(send(HttpRequest.newBuilder(runtime.url().resolve(location))
                    .header("authorization", "Bearer " + token).GET()).body()).get("status").asText();
        }
        return status;
    }

    private static HttpResponse<String> putSimulator(String body) throws Exception {
        return putJson("/_local/payment-simulator", body);
    }

    private static HttpResponse<String> putShippingSimulator(String body) throws Exception {
        return putJson("/_local/shipping-simulator", body);
    }

    private static HttpResponse<String> putJson(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(runtime.url().resolve(path))
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String adminToken() throws Exception {
        return logIn(runtime.admin().email(), runtime.admin().password());
    }

    private static String signUpAndLogIn(String email) {
        String password = "correct horse battery staple 42";
        return client.signUp(email, password, "Shopper").accessToken();
    }

    private static String logIn(String email, String password) {
        return client.logIn(email, password).accessToken();
    }

    private static HttpResponse<String> post(String path, String body) {
        return client.json("POST", path, null, body);
    }

    private static HttpResponse<String> get(String path) {
        return client.get(path, null);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return client.send(request);
    }
}
