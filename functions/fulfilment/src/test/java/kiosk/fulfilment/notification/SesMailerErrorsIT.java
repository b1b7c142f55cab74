package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * How SesMailer reads SES's refusals, against a local server answering SendEmail as SES v2 does
 * when it refuses (a status, an x-amzn-ErrorType, a JSON message): what may pass is Unavailable,
 * what will not is Rejected, and neither carries SES's message, which can quote an address.
 */
class SesMailerErrorsIT {

    private static final Email EMAIL = new Email("shop@example.com", "sam@example.com", "Order shipped", "text",
            "<p>html</p>");

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status;
    private volatile String errorType;

    @BeforeEach
    void aServerAnsweringAsSesRefuses() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            byte[] body = ("{\"message\":\"refused for sam@example.com\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static SesMailer mailerAt(int port) {
        return new SesMailer(AwsClients.build(SesV2Client.builder(), Config.from(Map.of("AWS_REGION", "eu-west-1",
                "KIOSK_ENDPOINT_URL_SESV2", "http://127.0.0.1:" + port, "KIOSK_LOCAL_ACCESS_KEY_ID", "test",
                "KIOSK_LOCAL_SECRET_ACCESS_KEY", "test"))));
    }

    private RuntimeException refusal(int answer, String type) {
        status = answer;
        errorType = type;
        return assertThrows(RuntimeException.class, () -> mailerAt(server.getAddress().getPort()).send(EMAIL));
    }

    @Test
    void aServerErrorOrThrottlingIsUnavailable() {
        for (var answer : Map.of(503, "ServiceUnavailable", 500, "InternalFailure", 429, "TooManyRequestsException",
                400, "LimitExceededException").entrySet()) {
            RuntimeException e = refusal(answer.getKey(), answer.getValue());
            assertEquals(Mailer.Unavailable.class, e.getClass(), answer + ": " + e);
            assertFalse(e.getMessage().contains("sam@example.com"), e.getMessage());
        }
    }

    @Test
    void aRejectedMessageOrABadRequestIsRejectedWithItsCodeOnly() {
        for (String type : new String[] {"MessageRejected", "BadRequestException", "AccountSuspendedException",
                "SendingPausedException"}) {
            requests.set(0);
            RuntimeException e = refusal(400, type);
            assertEquals(Mailer.Rejected.class, e.getClass(), type + ": " + e);
            assertEquals(type, e.getMessage());
            assertEquals(1, requests.get(), type + " is not retried by the SDK either");
        }
    }

    @Test
    void aConnectionRefusedIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThrows(Mailer.Unavailable.class, () -> mailerAt(closed).send(EMAIL));
    }
}
