package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kiosk.emulator.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The runtime against its own test stack (local-test/template.yaml), driven over real HTTP and
 * real queues: what API Gateway, Lambda's SQS event source and EventBridge would do.
 */
class RuntimeContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static LocalRuntime runtime;
    private static HttpClient http;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path template = Path.of(RuntimeContractIT.class.getResource("/local-test/template.yaml").toURI());
        runtime = LocalRuntime.start(Options.ephemeral(template).withFire(List.of("nightly-report")), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        System.out.println(LOG.toString(StandardCharsets.UTF_8));
        runtime.close();
    }

    @Test
    void aRouteGetsAFaithfulPayload20Event() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo/a%20b?size=L&tag=x&tag=y&empty="))
                .header("Cookie", "a=1; b=2").header("X-Trace", "one").header("User-Agent", "kiosk-test/1").GET());
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        JsonNode answer = JSON.readTree(response.body());
        JsonNode event = answer.get("event");
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /echo/{id}", event.get("routeKey").asText());
        assertEquals("/echo/a%20b", event.get("rawPath").asText());
        assertEquals("size=L&tag=x&tag=y&empty=", event.get("rawQueryString").asText());
        assertEquals(List.of("a=1", "b=2"), JSON.convertValue(event.get("cookies"), List.class));
        assertEquals("one", event.get("headers").get("x-trace").asText(), "headers are lower-cased");
        assertNull(event.get("headers").get("cookie"), "cookies move out of the headers");
        assertEquals(Map.of("size", "L", "tag", "x,y", "empty", ""), JSON.convertValue(event.get("queryStringParameters"), Map.class));
        assertEquals("a b", event.get("pathParameters").get("id").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
        JsonNode context = event.get("requestContext");
        assertEquals("GET", context.get("http").get("method").asText());
        assertEquals("/echo/a%20b", context.get("http").get("path").asText());
        assertEquals("127.0.0.1", context.get("http").get("sourceIp").asText());
        assertEquals("kiosk-test/1", context.get("http").get("userAgent").asText());
        assertEquals("HTTP/1.1", context.get("http").get("protocol").asText());
        assertEquals("$default", context.get("stage").asText());
        assertEquals(LocalAws.ACCOUNT, context.get("accountId").asText());
        assertTrue(context.get("time").asText().matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"), context.get("time").asText());
        assertTrue(Math.abs(System.currentTimeMillis() - context.get("timeEpoch").asLong()) < 60_000);
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), context.get("requestId").asText());
        assertNull(context.get("authorizer"), "a public route has no authorizer context");

        assertEquals("EchoFunction", answer.get("functionName").asText());
        assertEquals(512, answer.get("memoryLimitInMB").asInt(), "Globals' MemorySize");
        int remaining = answer.get("remainingTimeInMillis").asInt();
        assertTrue(remaining > 0 && remaining <= 5000, "counts down from the 5 s timeout: " + remaining);
        assertEquals("EchoFunction", answer.get("loader").asText(), "each function runs in its own class loader");
    }

    @Test
    void routesResolveByTheMostSpecificMatch() throws Exception {
        assertEquals("GET /echo/fixed", echo("/echo/fixed").get("routeKey").asText());
        JsonNode greedy = echo("/files/docs/2026/report.pdf");
        assertEquals("ANY /files/{proxy+}", greedy.get("routeKey").asText());
        assertEquals("docs/2026/report.pdf", greedy.get("pathParameters").get("proxy").asText());
        JsonNode fallback = echo("/anything/else");
        assertEquals("$default", fallback.get("routeKey").asText());
    }

    @Test
    void binaryBodiesTravelAsBase64BothWaysWithStatusHeadersAndCookies() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, 1, 2};
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url("/formatted")).header("Content-Type", "image/png")
                .header("Origin", "https://shop.example").POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, response.statusCode());
        assertTrue(Arrays.equals(png, response.body()));
        assertEquals("true", response.headers().firstValue("x-was-base64").orElseThrow());
        assertEquals(List.of("session=abc; HttpOnly", "theme=dark"), response.headers().allValues("set-cookie"));
        assertEquals("https://shop.example", response.headers().firstValue("access-control-allow-origin").orElseThrow(),
                "the API's CORS headers replace the function's");
        assertEquals("true", response.headers().firstValue("access-control-allow-credentials").orElseThrow());
        assertEquals("etag", response.headers().firstValue("access-control-expose-headers").orElseThrow());
    }

    @Test
    void corsPreflightsAreAnsweredByTheGatewayPerTheApiConfiguration() throws Exception {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(url("/guarded")).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "Authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, allowed.statusCode());
        assertEquals("https://shop.example", allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
        assertEquals("GET,POST", allowed.headers().firstValue("access-control-allow-methods").orElseThrow());
        assertEquals("authorization,content-type", allowed.headers().firstValue("access-control-allow-headers").orElseThrow());
        assertEquals("300", allowed.headers().firstValue("access-control-max-age").orElseThrow());
        assertFalse(authorizerCalls().contains("OPTIONS"), "a preflight never reaches the authorizer");

        HttpResponse<String> otherOrigin = send(HttpRequest.newBuilder(url("/guarded")).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, otherOrigin.statusCode());
        assertTrue(otherOrigin.headers().firstValue("access-control-allow-origin").isEmpty());

        HttpResponse<String> badMethod = send(HttpRequest.newBuilder(url("/guarded")).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "DELETE").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(badMethod.headers().firstValue("access-control-allow-origin").isEmpty());
    }

    @Test
    void withADefaultRouteNoPathIsUnknown() throws Exception {
        // The 404 of an API without $default is shown against Kiosk's own template in KioskRuntimeIT.
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo/fixed/too/deep")).GET());
        assertEquals("$default", JSON.readTree(response.body()).get("event").get("routeKey").asText());
    }

    @Test
    void theAuthorizerDecidesAndItsAnswerIsCached() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(url("/guarded")).GET());
        assertEquals(401, missing.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", missing.body());

        HttpResponse<String> denied = send(HttpRequest.newBuilder(url("/guarded")).header("Authorization", "Bearer wrong").GET());
        assertEquals(403, denied.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", denied.body());

        int before = authorizerCalls().split("\n").length;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> allowed = send(HttpRequest.newBuilder(url("/guarded")).header("Authorization", "Bearer let-me-in").GET());
            assertEquals(200, allowed.statusCode());
            JsonNode lambda = JSON.readTree(allowed.body()).get("event").get("requestContext").get("authorizer").get("lambda");
            assertEquals("u-1", lambda.get("userId").asText());
            assertEquals("tester", lambda.get("roles").asText());
        }
        assertEquals(before + 1, authorizerCalls().split("\n").length, "three requests, one authorizer call (ReauthorizeEvery 300)");
        assertTrue(authorizerCalls().contains("REQUEST GET /guarded"));
    }

    @Test
    void aFunctionErrorIsApiGatewaysInternalServerError() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/fail")).GET());
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
        assertFalse(response.body().contains("fire"), "the error stays in the log");
        assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("the database is on fire"));
    }

    @Test
    void aFunctionPastItsTimeoutIsAnsweredAsATimeoutAndItsEnvironmentDiscarded() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/slow")).GET());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, response.statusCode());
        assertEquals("{\"message\":\"Service Unavailable\"}", response.body());
        assertTrue(tookMillis >= 1000 && tookMillis < 2900, "answered at the 1 s timeout, not after the 3 s sleep: " + tookMillis);
        int remaining = Integer.parseInt(System.getProperty("local-test.slow.remaining").split("\n")[0]);
        assertTrue(remaining > 0 && remaining <= 1000, "Context counted down from Timeout 1: " + remaining);
        assertFalse(runtime.stack().function("SlowFunction").warm(), "a timed-out environment is not reused");
    }

    @Test
    void aJobFunctionConsumesAQueueAndAReportedFailureEndsInTheDeadLetterQueue() throws Exception {
        var aws = runtime.stack().aws();
        String queue = aws.queueUrl("JobsQueue");
        String dlq = aws.queueUrl("JobsDeadLetterQueue");
        aws.sqs().sendMessage(m -> m.queueUrl(queue).messageBody("job-1")
                .messageAttributes(Map.of("color", MessageAttributeValue.builder().dataType("String").stringValue("blue").build())));
        aws.sqs().sendMessage(m -> m.queueUrl(queue).messageBody("job-2 poison"));
        aws.sqs().sendMessage(m -> m.queueUrl(queue).messageBody("job-3"));

        List<String> dead = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (dead.isEmpty() && System.nanoTime() < deadline) {
            dead = aws.sqs().receiveMessage(r -> r.queueUrl(dlq).waitTimeSeconds(1)).messages().stream().map(m -> m.body()).toList();
        }
        assertEquals(List.of("job-2 poison"), dead, "the reported message, after maxReceiveCount 2");
        String jobs = System.getProperty("local-test.jobs");
        assertTrue(jobs.contains("job-1 receive=1 source=aws:sqs arn=arn:aws:sqs:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT
                + ":JobsQueue color=blue"), jobs);
        assertTrue(jobs.contains("job-3 receive=1"), jobs);
        assertTrue(jobs.contains("job-2 poison receive=1") && jobs.contains("job-2 poison receive=2"), jobs);
        assertFalse(jobs.contains("job-1 receive=2") || jobs.contains("job-3 receive=2"), "successes are deleted, not redelivered: " + jobs);
        Map<QueueAttributeName, String> left = aws.sqs().getQueueAttributes(a -> a.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void schedulesFireWithAScheduledEventOrTheirInput() throws Exception {
        assertTrue(System.getProperty("local-test.scheduled", "").contains("Scheduled Event"),
                "--fire nightly-report ran at start");
        HttpResponse<String> fired = send(HttpRequest.newBuilder(url("/_local/schedules/nightly-report"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, fired.statusCode());
        JsonNode event = JSON.readTree(fired.body());
        assertEquals("Scheduled Event", event.get("detail-type").asText());
        assertEquals("aws.events", event.get("source").asText());
        assertEquals("arn:aws:events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":rule/nightly-report", event.get("resources").get(0).asText());

        HttpResponse<String> withInput = send(HttpRequest.newBuilder(url("/_local/schedules/every-minute"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("{\"kind\":\"tick\"}", withInput.body());

        // A JSON object sent is the function's input, as `aws lambda invoke --payload` would give it.
        HttpResponse<String> given = send(HttpRequest.newBuilder(url("/_local/schedules/nightly-report"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"date\": \"2026-11-20\"}")));
        assertEquals(200, given.statusCode());
        assertEquals("{\"date\":\"2026-11-20\"}", given.body());
        for (String notAnObject : new String[] {"[1]", "\"x\"", "{\"a\": 1} {}", "{\"a\": 1, \"a\": 2}", "{" }) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(url("/_local/schedules/nightly-report"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(notAnObject)));
            assertEquals(400, refused.statusCode(), notAnObject);
            assertTrue(refused.body().contains("send a JSON object of the function's input"), refused.body());
        }

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(url("/_local/schedules/nope")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, unknown.statusCode());

        var next = runtime.scheduler().nextFire("nightly-report");
        assertEquals(3, next.getHour());
        assertEquals(0, next.getMinute());
    }

    @Test
    void eachFunctionsLogFollowsItsOwnLogLevel() throws Exception {
        JsonNode chatty = JSON.readTree(send(HttpRequest.newBuilder(url("/log-level/chatty")).GET()).body());
        JsonNode quiet = JSON.readTree(send(HttpRequest.newBuilder(url("/log-level/quiet")).GET()).body());
        assertEquals("{\"DEBUG\":true,\"INFO\":true,\"WARN\":true,\"ERROR\":true}", chatty.toString(), "Globals' DEBUG");
        assertEquals("{\"DEBUG\":false,\"INFO\":false,\"WARN\":true,\"ERROR\":true}", quiet.toString(), "its own WARN");
    }

    @Test
    void theTemplatesEnvironmentReachesTheFunctionResolved() {
        Map<String, String> env = runtime.stack().function("EchoFunction").configuration().environment();
        assertEquals("test", env.get("STAGE"), "Globals, with !Ref of a parameter");
        assertEquals("hello from test in " + LocalAws.REGION, env.get("GREETING"), "!Sub with a pseudo parameter");
        assertEquals(runtime.stack().aws().queueUrl("JobsQueue"), env.get("JOBS_QUEUE_URL"), "!Ref of a queue is its URL");
        assertNotEquals(null, env.get("AWS_ENDPOINT_URL_SQS"));
    }

    private JsonNode echo(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).GET());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("event");
    }

    private static String authorizerCalls() {
        return System.getProperty("local-test.authorizer", "");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFunctionAtItsReservedConcurrencyIsThrottledAsApiGatewayAnswersIt() throws Exception {
        var first = CompletableFuture.supplyAsync(() -> {
            try {
                return send(HttpRequest.newBuilder(url("/slow")).GET()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        HttpResponse<String> second = send(HttpRequest.newBuilder(url("/slow")).GET());
        assertEquals(429, second.statusCode(), second.body());
        assertEquals("{\"message\":\"Too Many Requests\"}", second.body());
        assertEquals(503, first.get(), "the first ran into its timeout");
    }

    @Test
    void anAuthorizerAtItsReservedConcurrencyIsThrottledNotAnError() throws Exception {
        var first = CompletableFuture.supplyAsync(() -> {
            try {
                return send(HttpRequest.newBuilder(url("/slowly-guarded")).header("authorization", "one").GET()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        HttpResponse<String> second = send(HttpRequest.newBuilder(url("/slowly-guarded")).header("authorization", "two").GET());
        assertEquals(429, second.statusCode(), second.body());
        assertEquals("{\"message\":\"Too Many Requests\"}", second.body());
        assertEquals(500, first.get(), "the first authorizer call ran into its timeout: API Gateway's authorizer error");
    }

    @Test
    void aRoutesThrottleFromTheTemplateAdmitsItsBurstAndAnswersTheRest429() throws Exception {
        // Burst 3, one token per 100 s: of 12 requests released at once exactly 3 reach the function.
        int requests = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return send(HttpRequest.newBuilder(url("/throttled")).GET());
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }
        }
        assertEquals(3, responses.stream().filter(r -> r.statusCode() == 200).count(), "the burst");
        List<HttpResponse<String>> throttled = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(requests - 3, throttled.size());
        throttled.forEach(r -> assertEquals("{\"message\":\"Too Many Requests\"}", r.body()));
        assertEquals(200, send(HttpRequest.newBuilder(url("/echo/fixed")).GET()).statusCode(),
                "other routes keep their own bucket");
    }

    /** A request as written on the wire, for headers the JDK's client will not send (Host). */
    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", runtime.url().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anyHostHeaderIsServedEvenOneWithoutALabel() throws Exception {
        // "." split on dots and colons has no first label: every route answered a bare 500.
        for (String host : List.of(".", ":", "..", "")) {
            String answer = raw("GET /echo/fixed HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200 "), host + ": " + answer);
            assertTrue(answer.contains("\"routeKey\":\"GET /echo/fixed\""), answer);
        }
    }

    @Test
    void aPathBeginningWithTwoSlashesIsThePathWrittenNotAHostAndAPath() throws Exception {
        // The JDK parses "//x/echo/fixed" as host x, path /echo/fixed: it was routed as /echo/fixed,
        // and "//products" (an empty path) failed with a 500.
        String port = ":" + runtime.url().getPort();
        String routed = raw("GET //x/echo/fixed HTTP/1.1\r\nHost: 127.0.0.1" + port + "\r\nConnection: close\r\n\r\n");
        assertTrue(routed.startsWith("HTTP/1.1 200 "), routed);
        assertTrue(routed.contains("\"routeKey\":\"$default\""), "not GET /echo/fixed: " + routed);
        assertTrue(routed.contains("\"rawPath\":\"//x/echo/fixed\""), routed);
        String bare = raw("GET //products HTTP/1.1\r\nHost: 127.0.0.1" + port + "\r\nConnection: close\r\n\r\n");
        assertTrue(bare.startsWith("HTTP/1.1 200 "), bare);
        assertTrue(bare.contains("\"rawPath\":\"//products\""), bare);
    }

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        // Nothing of the 20 MiB follows the head: the answer cannot wait for it.
        String port = ":" + runtime.url().getPort();
        String answer = raw("POST /formatted HTTP/1.1\r\nHost: 127.0.0.1" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: 20971520\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.endsWith("{\"message\":\"Request Entity Too Large\"}"), answer);
    }

    @Test
    void theRuntimesOwnRoutesRefuseWhatABrowserOnAnotherSiteCouldSend() throws Exception {
        String path = "POST /_local/schedules/every-minute HTTP/1.1\r\n";
        String port = ":" + runtime.url().getPort();
        assertTrue(raw(path + "Host: 127.0.0.1" + port + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 200"), "the developer's curl");
        for (String hostile : List.of(
                "Host: rebound.attacker.example" + port + "\r\n",
                "Host: 127.0.0.1" + port + "\r\nOrigin: http://attacker.example\r\n",
                "Host: 127.0.0.1" + port + "\r\nSec-Fetch-Site: cross-site\r\n",
                "Host: 127.0.0.1" + port + "\r\nContent-Type: text/plain\r\n",
                "Host: 127.0.0.1" + port + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                "")) {
            String answer = raw(path + hostile + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 403"), hostile + " -> " + answer);
        }
        assertTrue(System.getProperty("local-test.scheduled", "").contains("Scheduled Event"));
    }

    @Test
    void aMalformedPathOrOversizedHeadersGetApiGatewaysAnswersNotTheJdksInternals() throws Exception {
        for (String target : List.of("/%zz", "/products\\x")) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.endsWith("{\"message\":\"Bad Request\"}"), answer);
        }
        String big = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "p".repeat(20_000) + "\r\n\r\n");
        assertTrue(big.startsWith("HTTP/1.1 431"), big);
    }

    private static URI url(String path) {
        return runtime.url().resolve(path);
    }
}
