package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.queue.RetrySchedule;
import kiosk.orders.queue.SqsRetryQueue;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The email path against an AWS-compatible SES v2: moto in server mode, started here on a free
 * loopback port and stopped after. The delivery is built by the function's own wiring from a
 * configuration with SENDER_EMAIL and KIOSK_ENDPOINT_URL_SESV2 set, and driven through NotifyHandler.
 * moto keeps each message it accepted (its /moto-api/data.json; the HTML part only), and its
 * recorder keeps each request as sent, which shows both parts.
 *
 * <p>Needs moto_server (moto 5.2.5): $MOTO_SERVER, else moto_server on the PATH, else
 * .venv-tools/bin/moto_server at the repository's root. Without it these tests are skipped, saying so.
 */
@ExtendWith(LocalAwsExtension.class)
class SesMailerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String SKIPPED = "moto_server not found: the SES tests are skipped";

    private static Process moto;
    /** moto's log and its recording, removed with it. */
    private static Path work;
    private static String endpoint;

    private final LocalAws aws;
    private final DynamoDbNotificationStore inbox;
    private final String usersTable;
    private final String user = "shopper-" + UUID.randomUUID();

    SesMailerIT(LocalAws aws) {
        this.aws = aws;
        this.inbox = new DynamoDbNotificationStore(aws.dynamoDb(), aws.freshTable("NotificationsTable"));
        this.usersTable = aws.freshTable("UsersTable");
    }

    @BeforeAll
    static void startMoto() throws Exception {
        Optional<Path> server = motoServer();
        if (server.isEmpty()) {
            System.err.println("SesMailerIT: " + SKIPPED);
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        work = Files.createTempDirectory("kiosk-moto");
        ProcessBuilder builder = new ProcessBuilder(server.get().toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(work.resolve("moto.log").toFile());
        builder.environment().put("MOTO_RECORDER_FILEPATH", work.resolve("recording.jsonl").toString());
        moto = builder.start();
        endpoint = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!listening(port)) {
            assertTrue(moto.isAlive(), () -> "moto_server stopped: " + log());
            assertTrue(System.nanoTime() < deadline, () -> "moto_server did not start: " + log());
            Thread.sleep(200);
        }
        assertEquals(200, call("POST", "/moto-api/recorder/start-recording").statusCode());
    }

    /** Each test, rather than the class, is skipped: so the report counts them as skipped, with the reason. */
    @BeforeEach
    void motoIsThere() {
        if (moto == null) {
            Assumptions.abort(SKIPPED);
        }
    }

    @AfterAll
    static void stopMoto() throws InterruptedException, IOException {
        if (moto != null) {
            moto.destroy();
            if (!moto.waitFor(10, TimeUnit.SECONDS)) {
                moto.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (work != null) {
            try (Stream<Path> files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** $MOTO_SERVER, else moto_server on the PATH, else the repository's .venv-tools (where .ci/run puts its tools). */
    private static Optional<Path> motoServer() {
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "moto_server"));
        return Stream.concat(onPath, Stream.of(Template.projectRoot().resolve(".venv-tools/bin/moto_server")))
                .filter(Files::isExecutable).findFirst();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String log() {
        try {
            return Files.readString(work.resolve("moto.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The function's configuration with a sender, SES at moto (any key will do for moto). */
    private Config config(String sender) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", LocalAws.REGION);
        environment.put("SENDER_EMAIL", sender);
        environment.put("USERS_TABLE", usersTable);
        environment.put("KIOSK_ENDPOINT_URL_SESV2", endpoint);
        environment.put("KIOSK_LOCAL_ACCESS_KEY_ID", "moto");
        environment.put("KIOSK_LOCAL_SECRET_ACCESS_KEY", "moto");
        return Config.from(environment);
    }

    private SesV2Client ses() {
        return AwsClients.build(SesV2Client.builder(), config("unused@example.com"));
    }

    private void account(String email) {
        aws.dynamoDb().putItem(b -> b.tableName(usersTable).item(Map.of("pk", AttributeValue.fromS("user#" + user),
                "userId", AttributeValue.fromS(user), "email", AttributeValue.fromS(email),
                "passwordHash", AttributeValue.fromS("$argon2id$not-for-this-function"))));
    }

    /** NotifyHandler as the function wires it with SENDER_EMAIL set, fed the order's announcement as one SQS message. */
    private Map<String, Object> notify(String sender, Order order) {
        String orders = aws.tableName("OrdersTable");
        OrderFixtures.put(aws.dynamoDb(), orders, order);
        Delivery delivery = NotificationWiring.delivery(config(sender), aws.dynamoDb());
        assertInstanceOf(EmailDelivery.class, delivery);
        NotifyHandler handler = new NotifyHandler(new NotificationService(new DynamoDbOrderStore(aws.dynamoDb(),
                new DynamoDbOrderStore.Tables(orders, "", "", "", ""))::find, inbox, delivery),
                new SqsRetryQueue(aws.sqs(), aws.queueUrl("NotificationsQueue")), RetrySchedule.DEFAULT);
        return handler.handleRequest(Map.of("Records", List.of(Map.of("messageId", "m-" + order.id(),
                "receiptHandle", "r-" + order.id(), "body", OrderFixtures.announcement(order)))), null);
    }

    private Notification.EmailStatus emailStatus() {
        return inbox.list(user, 1, Optional.empty()).items().get(0).email();
    }

    /** The messages moto accepted from this sender. */
    private static List<JsonNode> accepted(String sender) throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        JSON.readTree(call("GET", "/moto-api/data.json").body()).at("/ses/Message").forEach(m -> {
            if (m.path("source").asText().equals(sender)) {
                messages.add(m);
            }
        });
        return messages;
    }

    /** The SendEmail requests from this sender, as they went over the wire. */
    private static List<JsonNode> requested(String sender) throws Exception {
        List<JsonNode> requests = new ArrayList<>();
        for (String line : call("GET", "/moto-api/recorder/download-recording").body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            if (entry.path("url").asText().endsWith("/v2/email/outbound-emails")) {
                String body = entry.path("body").asText();
                JsonNode request = JSON.readTree(entry.path("body_encoded").asBoolean()
                        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body);
                if (request.path("FromEmailAddress").asText().equals(sender)) {
                    requests.add(request);
                }
            }
        }
        return requests;
    }

    @Test
    void aShipmentIsEmailedWithATextAndAnHtmlPartOnceAndMarkedSent() throws Exception {
        String sender = "shop-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String shopper = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ses().createEmailIdentity(b -> b.emailIdentity(sender));
        account(shopper);
        Order order = OrderFixtures.shipped("o-" + UUID.randomUUID(), user, "2026-11-21T10:03:00.000Z");

        assertEquals(Map.of("batchItemFailures", List.of()), notify(sender, order));
        assertEquals(Map.of("batchItemFailures", List.of()), notify(sender, order), "redelivered");

        assertEquals(Notification.EmailStatus.SENT, emailStatus());
        List<JsonNode> accepted = accepted(sender);
        assertEquals(1, accepted.size(), "sent once: " + accepted);
        assertEquals(shopper, accepted.get(0).at("/destinations/ToAddresses/0").asText());
        assertEquals("Order shipped", accepted.get(0).get("subject").asText());
        assertTrue(accepted.get(0).get("body").asText().contains("<strong>00340434161234567890</strong>"));
        List<JsonNode> requested = requested(sender);
        assertEquals(1, requested.size());
        JsonNode simple = requested.get(0).at("/Content/Simple");
        assertTrue(simple.at("/Body/Text/Data").asText().contains("Tracking number: 00340434161234567890"), simple::toString);
        assertTrue(simple.at("/Body/Html/Data").asText().contains("<h1>Order shipped</h1>"), simple::toString);
        assertEquals("UTF-8", simple.at("/Body/Text/Charset").asText());
        assertEquals("UTF-8", simple.at("/Body/Html/Charset").asText());
    }

    @Test
    void anUnverifiedSenderIsRejectedMarkedFailedAndNotTriedAgain() throws Exception {
        String sender = "unverified-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String shopper = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        account(shopper);
        Order order = OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.PAID,
                "2026-11-21T10:01:00.000Z");

        List<String> lines = LogCapture.of(() -> {
            assertEquals(Map.of("batchItemFailures", List.of()), notify(sender, order), "done, not held back");
            assertEquals(Map.of("batchItemFailures", List.of()), notify(sender, order), "redelivered");
        });

        assertEquals(Notification.EmailStatus.FAILED, emailStatus());
        assertEquals(List.of(), accepted(sender));
        assertEquals(1, requested(sender).size(), "asked once, not again on redelivery");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"level\":\"WARN\"") && l.contains("MessageRejected")),
                lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains(sender) || l.contains(shopper)), "no address in the log");
    }

    @Test
    void anAddressSesRefusesIsMarkedFailedAndNotTriedAgain() throws Exception {
        String sender = "shop-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ses().createEmailIdentity(b -> b.emailIdentity(sender));
        account("not-an-address");
        Order order = OrderFixtures.paid("o-" + UUID.randomUUID(), user, OrderStatus.DELIVERED,
                "2026-11-21T10:04:00.000Z");

        assertEquals(Map.of("batchItemFailures", List.of()), notify(sender, order));

        assertEquals(Notification.EmailStatus.FAILED, emailStatus());
        assertEquals(List.of(), accepted(sender));
    }
}
