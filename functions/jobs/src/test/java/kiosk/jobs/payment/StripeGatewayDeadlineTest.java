package kiosk.jobs.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A Stripe that answers one byte a second never trips a read timeout, which counts from the last
 * byte read: without a deadline for the whole call a charge waited as long as the server
 * dripped (130 s for a 260-byte answer), against the 5 s a call may take in the payment job's
 * budget per message. Every call now gives up at its deadline, whatever the server does, and
 * says "unavailable": the message waits and the same key asks again.
 */
class StripeGatewayDeadlineTest {

    /** Lambda's gateway gives up at 5 s; the same code with 1 s keeps the test command short. */
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    /** Each byte of this answer 200 ms apart (no read timeout fires): far past the deadline if read whole. */
    private static final String DRIPPED = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: " + "a".repeat(100)
            + "\r\n\r\n{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}";

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private StripeGateway gateway;

    @BeforeEach
    void aStripeThatDrips() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread dripping = new Thread(() -> drip(socket));
                    dripping.setDaemon(true);
                    dripping.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        gateway = new StripeGateway(StripeGateway.client("sk_test_kiosk", "http://127.0.0.1:" + server.getLocalPort()),
                DEADLINE.toMillis());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aChargeGivesUpAtItsDeadline() {
        assertGivesUp(() -> gateway.charge(new PaymentGateway.ChargeRequest("order-o-1", "o-1", 100, "EUR", "pm_card_visa")));
    }

    @Test
    void aSearchGivesUpAtItsDeadlineAndIsNotSentTwice() {
        assertGivesUp(() -> gateway.findCharge("order-o-1"));
        // HttpURLConnection sends a GET again by itself when its first connection fails.
        assertEquals(1, connections.get());
    }

    @Test
    void aRefundGivesUpAtItsDeadline() {
        assertGivesUp(() -> gateway.refund(new PaymentGateway.RefundRequest("refund-order-o-1", "o-1", "pi_1", 100, "EUR")));
    }

    private static void assertGivesUp(Executable call) {
        long started = System.nanoTime();
        GatewayUnavailableException e = assertThrows(GatewayUnavailableException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // Not before the deadline; the upper bound leaves room for a slow machine, and is far
        // below the 35 s and more that reading the dripped answer whole takes.
        assertTrue(took.compareTo(DEADLINE) >= 0 && took.compareTo(DEADLINE.multipliedBy(5)) < 0, "gave up after " + took);
        assertTrue(e.getMessage().contains("within"), e.getMessage());
    }

    private static void drip(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            in.read(new byte[16384]);
            OutputStream out = socket.getOutputStream();
            for (byte b : DRIPPED.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException gone) {
            // The gateway hung up: what this server is for.
        }
    }
}
