package kiosk.jobs.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe gateway against stripe-mock, Stripe's own mock of its API: every request the gateway
 * makes is validated against Stripe's OpenAPI spec (a parameter Stripe does not know is a 400 and
 * fails the test), and its answers are Stripe's fixtures, read by the gateway's own parsing.
 * stripe-mock is stateless, so this proves the adapter speaks Stripe, not that money moved; the
 * simulator's tests cover behaviour. A recording proxy between the two shows what went over the
 * wire (the idempotency key derived from the order on every charge and refund, the pinned API
 * version, the key only in its header), and answers for Stripe on a bad day: declines, outages,
 * a reused key, an answer that is not Stripe's.
 *
 * <p>Needs the stripe-mock binary (.ci/run installs it: {@code go install
 * github.com/stripe/stripe-mock@v0.203.0}); without it these tests are skipped, saying so.
 */
class StripeGatewayIT {

    private static Process mock;
    private static HttpServer proxy;
    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();
    /** When set, the proxy answers this status itself instead of forwarding: Stripe having a bad day. */
    private static volatile int forcedStatus;
    /** The body the proxy answers with a forced status. */
    private static volatile String forcedBody;

    private record Recorded(String method, String path, String idempotencyKey, String query, Map<String, String> form,
            String authorization, String version) {
    }

    private StripeGateway gateway;

    @BeforeAll
    static void startStripeMockBehindARecordingProxy() throws Exception {
        Optional<Path> binary = binary();
        Assumptions.assumeTrue(binary.isPresent(), "stripe-mock is not installed (go install "
                + "github.com/stripe/stripe-mock@v0.203.0): the Stripe contract tests are skipped");
        int port = freePort();
        mock = new ProcessBuilder(binary.get().toString(), "-http-addr", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!listening(port)) {
            assertTrue(mock.isAlive() && System.nanoTime() < deadline, "stripe-mock did not start");
            Thread.sleep(100);
        }
        HttpClient client = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String raw = new String(body, StandardCharsets.UTF_8);
            REQUESTS.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestURI().getQuery(), form(raw),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Stripe-Version")));
            byte[] answer;
            int status;
            if (forcedStatus != 0) {
                status = forcedStatus;
                answer = forcedBody.getBytes(StandardCharsets.UTF_8);
            } else {
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + exchange.getRequestURI())).method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : List.of("Authorization", "Content-Type", "Idempotency-Key", "Stripe-Version")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                try {
                    HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = response.statusCode();
                    answer = response.body();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        proxy.start();
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.stop(0);
        }
        if (mock != null) {
            mock.destroy();
        }
    }

    @BeforeEach
    void aGatewayThroughTheProxy() {
        REQUESTS.clear();
        forcedStatus = 0;
        forcedBody = "{\"error\":{\"type\":\"api_error\",\"message\":\"forced by the test\"}}";
        gateway = new StripeGateway(StripeGateway.client("sk_test_kiosk", "http://127.0.0.1:" + proxy.getAddress().getPort()));
    }

    @Test
    void aChargeIsOnePaymentIntentCreatedAndConfirmedUnderTheOrdersKey() {
        PaymentGateway.Charge charge = gateway.charge(new PaymentGateway.ChargeRequest("order-o-1", "o-1", 1995, "EUR",
                "pm_card_visa"));
        assertTrue(charge.id().startsWith("pi_"), charge.toString());
        // stripe-mock's canned PaymentIntent waits for a payment method, with an error: read as a decline.
        assertTrue(charge.succeeded() || charge.declineCode() != null, charge.toString());
        Recorded sent = REQUESTS.stream().filter(r -> r.path().equals("/v1/payment_intents")).findFirst().orElseThrow();
        assertEquals("POST", sent.method());
        assertEquals("order-o-1", sent.idempotencyKey(), "a retry can never create a second charge");
        assertEquals("1995", sent.form().get("amount"));
        assertEquals("eur", sent.form().get("currency"));
        assertEquals("pm_card_visa", sent.form().get("payment_method"));
        assertEquals("true", sent.form().get("confirm"));
        assertEquals("true", sent.form().get("off_session"));
        assertEquals("o-1", sent.form().get("metadata[order_id]"));
        assertEquals("order-o-1", sent.form().get("metadata[idempotency_key]"));
        assertEquals("Bearer sk_test_kiosk", sent.authorization());
        assertEquals(StripeGateway.API_VERSION, sent.version());
        assertTrue(sent.query() == null, "the key and the card never travel in a URL: " + sent.query());
    }

    /** A 402 is Stripe's card error: the PaymentIntent it made is the declined charge, with the bank's reason. */
    @Test
    void aCardErrorIsADeclineWithItsDeclineCode() {
        forcedStatus = 402;
        forcedBody = """
                {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
                "charge":"ch_9","payment_intent":{"id":"pi_declined","object":"payment_intent","status":"requires_payment_method"}}}""";
        assertEquals(PaymentGateway.Charge.declined("pi_declined", "insufficient_funds"),
                gateway.charge(new PaymentGateway.ChargeRequest("order-o-6", "o-6", 500, "EUR", "pm_card_visa")));
        forcedBody = "{\"error\":{\"type\":\"card_error\",\"code\":\"expired_card\",\"charge\":\"ch_10\"}}";
        assertEquals(PaymentGateway.Charge.declined("ch_10", "expired_card"),
                gateway.charge(new PaymentGateway.ChargeRequest("order-o-6", "o-6", 500, "EUR", "pm_card_visa")));
    }

    /**
     * An answer that is not Stripe's (a captive proxy's HTML, an empty 200) says nothing about
     * whether money moved: unavailable, so the same key asks again, never a decline or a success.
     */
    @Test
    void anAnswerThatIsNotStripesIsUnavailableNotAnOutcome() {
        forcedStatus = 200;
        forcedBody = "<html>gateway</html>";
        assertThrows(GatewayUnavailableException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest("order-o-7",
                "o-7", 100, "EUR", "pm_card_visa")));
        forcedBody = "{}";
        assertThrows(GatewayUnavailableException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest("order-o-7",
                "o-7", 100, "EUR", "pm_card_visa")));
        assertThrows(GatewayUnavailableException.class, () -> gateway.refund(new PaymentGateway.RefundRequest(
                "refund-order-o-7", "o-7", "pi_1", 100, "EUR")));
        // A 402 that is not Stripe's card error is no decline: the order must not be failed on it.
        forcedStatus = 402;
        for (String notACardError : List.of("", "<html>payment required</html>",
                "{\"error\":{\"type\":\"api_error\",\"message\":\"x\"}}")) {
            forcedBody = notACardError;
            assertThrows(GatewayUnavailableException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest(
                    "order-o-7", "o-7", 100, "EUR", "pm_card_visa")), notACardError);
        }
        // A card error whose PaymentIntent succeeded after all is a charge, not a decline.
        forcedBody = "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"payment_intent\":"
                + "{\"id\":\"pi_ok\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}}}";
        assertEquals(PaymentGateway.Charge.succeeded("pi_ok"),
                gateway.charge(new PaymentGateway.ChargeRequest("order-o-7", "o-7", 100, "EUR", "pm_card_visa")));
        // Only the statuses Stripe documents as final decide; others (a pending capture, one unknown, none)
        // and what is not a PaymentIntent (a refund) ask again later.
        forcedStatus = 200;
        for (String notFinal : List.of("{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"status\":\"requires_capture\"}",
                "{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"status\":\"some_new_status\"}",
                "{\"id\":\"pi_1\",\"object\":\"payment_intent\"}",
                "{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"succeeded\"}")) {
            forcedBody = notFinal;
            assertThrows(GatewayUnavailableException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest(
                    "order-o-7", "o-7", 100, "EUR", "pm_card_visa")), notFinal);
        }
        // A refund Stripe reports failed is not recorded as refunded; a PaymentIntent is not a refund.
        forcedBody = "{\"id\":\"re_2\",\"object\":\"refund\",\"status\":\"failed\"}";
        assertThrows(IllegalStateException.class, () -> gateway.refund(new PaymentGateway.RefundRequest(
                "refund-order-o-7", "o-7", "pi_1", 100, "EUR")));
        forcedBody = "{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}";
        assertThrows(GatewayUnavailableException.class, () -> gateway.refund(new PaymentGateway.RefundRequest(
                "refund-order-o-7", "o-7", "pi_1", 100, "EUR")));
        // "No charge" only from a search result: anything else would let a cancelled order go unrefunded.
        for (String notASearch : List.of("{}", "{\"error\":{\"type\":\"api_error\"}}", "{\"object\":\"search_result\",\"data\":{}}")) {
            forcedBody = notASearch;
            assertThrows(GatewayUnavailableException.class, () -> gateway.findCharge("order-o-7"), notASearch);
        }
        // 409: another request under the key is in flight; Stripe saved no answer, so asking again is safe.
        forcedStatus = 409;
        forcedBody = "{\"error\":{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_in_use\"}}";
        assertThrows(GatewayUnavailableException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest(
                "order-o-7", "o-7", 100, "EUR", "pm_card_visa")));
    }

    /** A search's hit counts only when it carries the very key asked for, which reaches Stripe escaped, not mangled. */
    @Test
    void aSearchHitMustCarryTheKeyAskedFor() {
        forcedStatus = 200;
        forcedBody = "{\"object\":\"search_result\",\"data\":[{\"id\":\"pi_other\",\"object\":\"payment_intent\","
                + "\"status\":\"succeeded\",\"metadata\":{\"idempotency_key\":\"order-other\"}},{\"id\":\"pi_mine\","
                + "\"object\":\"payment_intent\",\"status\":\"succeeded\",\"metadata\":{\"idempotency_key\":\"order-a'b\"}}]}";
        assertEquals(Optional.of(PaymentGateway.Charge.succeeded("pi_mine")), gateway.findCharge("order-a'b"));
        assertEquals(Optional.empty(), gateway.findCharge("order-nobody"));
        Recorded sent = REQUESTS.getFirst();
        assertTrue(URLDecoder.decode(sent.query(), StandardCharsets.UTF_8).contains("metadata['idempotency_key']:'order-a\\'b'"),
                sent.query());
    }

    @Test
    void aRefundRefundsThePaymentIntentUnderItsOwnKey() {
        String refund = gateway.refund(new PaymentGateway.RefundRequest("refund-order-o-2", "o-2", "pi_123", 1995, "EUR"));
        assertTrue(refund.startsWith("re_"), refund);
        Recorded sent = REQUESTS.stream().filter(r -> r.path().equals("/v1/refunds")).findFirst().orElseThrow();
        assertEquals("refund-order-o-2", sent.idempotencyKey());
        assertEquals("pi_123", sent.form().get("payment_intent"));
        assertEquals("1995", sent.form().get("amount"));
    }

    @Test
    void anEarlierChargeIsSearchedForByTheKeyInItsMetadata() {
        // stripe-mock validates the query and answers a canned result, whose intent carries no such key.
        assertEquals(Optional.empty(), gateway.findCharge("order-o-3"));
        Recorded sent = REQUESTS.stream().filter(r -> r.path().equals("/v1/payment_intents/search")).findFirst().orElseThrow();
        assertEquals("GET", sent.method());
        assertTrue(URLDecoder.decode(sent.query(), StandardCharsets.UTF_8).contains("metadata['idempotency_key']:'order-o-3'"),
                sent.query());
    }

    @Test
    void aStripeThatFailsOrCannotBeReachedIsUnavailableAndAReusedKeyIsAFault() throws Exception {
        forcedStatus = 503;
        assertThrows(GatewayUnavailableException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest("order-o-4",
                "o-4", 100, "EUR", "pm_card_visa")));
        forcedStatus = 429;
        assertThrows(GatewayUnavailableException.class, () -> gateway.refund(new PaymentGateway.RefundRequest(
                "refund-order-o-4", "o-4", "pi_1", 100, "EUR")));
        forcedStatus = 400;
        forcedBody = "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent requests can only be used with the same parameters\"}}";
        IllegalStateException reused = assertThrows(IllegalStateException.class, () -> gateway.charge(
                new PaymentGateway.ChargeRequest("order-o-4", "o-4", 200, "EUR", "pm_card_visa")));
        assertTrue(reused.getMessage().contains("reused idempotency key"), reused.getMessage());
        assertTrue(!reused.getMessage().contains("sk_test_kiosk"), "the key is never in a message");
        forcedBody = "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_unknown\"}}";
        assertThrows(IllegalStateException.class, () -> gateway.charge(new PaymentGateway.ChargeRequest("order-o-4", "o-4",
                100, "EUR", "pm_card_visa")), "a request Stripe refuses is ours to fix, not to retry as an outage");
        StripeGateway nowhere = new StripeGateway(StripeGateway.client("sk_test_kiosk", "http://127.0.0.1:" + freePort()));
        assertThrows(GatewayUnavailableException.class, () -> nowhere.findCharge("order-o-4"));
    }

    /**
     * The gateway as packaged (jobs.zip), loaded from the zip alone: it charges, refunds and finds.
     * Guards the package, which buildtools/PackageTrim.java cuts (its HTTP and JSON come from the
     * JDK and the Jackson every function already carries).
     */
    @Test
    void thePackagedGatewayStillSpeaksStripe() throws Exception {
        Path zip = Path.of("target", "jobs.zip");
        assertTrue(Files.isRegularFile(zip), "package runs before the integration tests: " + zip.toAbsolutePath());
        try (URLClassLoader packaged = new URLClassLoader(new URL[] {zip.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> type = packaged.loadClass(StripeGateway.class.getName());
            Object client = type.getMethod("client", String.class, String.class).invoke(null, "sk_test_kiosk",
                    "http://127.0.0.1:" + proxy.getAddress().getPort());
            Object packagedGateway = type.getConstructor(packaged.loadClass(StripeGateway.Api.class.getName()))
                    .newInstance(client);
            Class<?> chargeRequest = packaged.loadClass(PaymentGateway.ChargeRequest.class.getName());
            Object charge = type.getMethod("charge", chargeRequest).invoke(packagedGateway, chargeRequest
                    .getConstructor(String.class, String.class, long.class, String.class, String.class)
                    .newInstance("order-o-5", "o-5", 1995L, "EUR", "pm_card_visa"));
            assertTrue(charge.toString().contains("pi_"), charge.toString());
            Class<?> refundRequest = packaged.loadClass(PaymentGateway.RefundRequest.class.getName());
            Object refund = type.getMethod("refund", refundRequest).invoke(packagedGateway, refundRequest
                    .getConstructor(String.class, String.class, String.class, long.class, String.class)
                    .newInstance("refund-order-o-5", "o-5", "pi_123", 1995L, "EUR"));
            assertTrue(String.valueOf(refund).startsWith("re_"), String.valueOf(refund));
            Object found = type.getMethod("findCharge", String.class).invoke(packagedGateway, "order-o-5");
            assertEquals(Optional.empty(), found, "stripe-mock's canned intent carries no such key");
        }
    }

    @Test
    void theKeyIsTheSecretItselfOrItsApiKeyField() {
        assertEquals("sk_live_abc", JobsWiring.apiKey(" sk_live_abc\n"));
        assertEquals("sk_live_def", JobsWiring.apiKey("{\"apiKey\":\"sk_live_def\"}"));
        assertThrows(IllegalStateException.class, () -> JobsWiring.apiKey("{\"key\":\"x\"}"));
        assertThrows(IllegalStateException.class, () -> JobsWiring.apiKey(""));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.isEmpty() ? new String[0] : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    /** STRIPE_MOCK (a path), else stripe-mock on the PATH, else where go install puts it. */
    private static Optional<Path> binary() {
        Stream<Path> candidates = Stream.concat(
                Stream.ofNullable(System.getenv("STRIPE_MOCK")).map(Path::of),
                Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(d -> !d.isEmpty())
                        .map(d -> Path.of(d, "stripe-mock")),
                        Stream.of(Path.of(System.getProperty("user.home"), "go", "bin", "stripe-mock"))));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
