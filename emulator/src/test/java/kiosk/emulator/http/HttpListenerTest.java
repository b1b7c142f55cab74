package kiosk.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's listener against what a hostile or broken client sends, over real sockets. */
class HttpListenerTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpListener listener;

    private void start(Duration readTimeout, int maxConnections) throws IOException {
        listener = new HttpListener("test", "127.0.0.1", 0, this::echo, readTimeout, maxConnections);
        listener.start();
    }

    private void echo(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/hold")) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        listener.close();
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesKeepAliveRequestsWithLengthAndChunkedBodies() throws IOException {
        start(Duration.ofSeconds(5), 8);
        String answers = exchange("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n1\r\nf\r\n0\r\n\r\n"
                + "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(answers.contains("POST /a abc"), answers);
        assertTrue(answers.contains("POST /b def"), answers);
        assertTrue(answers.contains("GET /c "), answers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%zz", "/a%2", "/a\\b", "/a b", "*", "http://evil.example/x", "/a\u0001b"})
    void aMalformedTargetIsA400WithoutInternals(String target) throws IOException {
        start(Duration.ofSeconds(5), 8);
        String answer = exchange("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.endsWith("{\"message\":\"Bad Request\"}"), answer);
        assertFalse(answer.contains("Exception"), answer);
    }

    @Test
    void oversizedHeadersAreA431() throws IOException {
        start(Duration.ofSeconds(5), 8);
        String answer = exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(HttpListener.MAX_HEAD_BYTES) + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431 "), answer);
    }

    @Test
    void bothFramingsAtOnceAreRefused() throws IOException {
        start(Duration.ofSeconds(5), 8);
        String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    }

    @Test
    void aClientTooSlowToSendItsRequestIsDisconnected() throws IOException {
        start(Duration.ofMillis(300), 8);
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "closed without an answer");
            assertTrue(System.nanoTime() - started < 4_000_000_000L);
        }
    }

    @Test
    void aClientTricklingItsRequestIsDisconnectedAtTheDeadlineNotAtAQuietGap() throws Exception {
        start(Duration.ofMillis(600), 8);
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            byte[] request = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                for (byte b : request) {
                    out.write(b); // a byte every 100 ms: never a gap as long as the timeout
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                // The listener hung up mid-request, as it should.
            }
            assertEquals(-1, socket.getInputStream().read(), "closed without an answer");
            assertTrue(System.nanoTime() - started < 3_000_000_000L,
                    "the whole request had 600 ms; trickling it would have taken 6 s");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
            "Transfer-Encoding: chunked\r\n\r\n2\r\nabXY",
            "Content-Length: 50\r\n\r\nab"})
    void aMalformedOrTruncatedBodyIsOne400(String framing) throws IOException {
        start(Duration.ofSeconds(5), 8);
        String answer = exchange("POST /a HTTP/1.1\r\nHost: x\r\n" + framing);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer: " + answer);
    }

    @Test
    void aBareCarriageReturnInAHeaderIsA400() throws IOException {
        start(Duration.ofSeconds(5), 8);
        String answer = exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Split: a\rb\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    }

    @Test
    void connectionsBeyondTheLimitAre503NotQueued() throws Exception {
        start(Duration.ofSeconds(5), 2);
        Socket first = new Socket("127.0.0.1", listener.port());
        Socket second = new Socket("127.0.0.1", listener.port());
        try (first; second) {
            for (Socket held : new Socket[] {first, second}) {
                held.getOutputStream().write("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            Thread.sleep(200);
            String refused = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
            release.countDown();
            InputStream in = first.getInputStream();
            assertTrue(new String(in.readNBytes(15), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
        }
    }
}
