package kiosk.emulator.http;

import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 listener for every local endpoint (the gateway, the SQS front, Secrets Manager), in
 * place of the JDK's HttpServer, which answers a malformed request target with the name of the
 * exception it caught, drops the connection on oversized headers, and waits for a slow client
 * forever. This one answers those as API Gateway does (400 and 431 with {"message": ...}), gives
 * a client {@link #READ_TIMEOUT} to send each whole request however it trickles it, and serves at
 * most {@link #MAX_CONNECTIONS} connections at once, refusing more with 503 rather than queueing
 * without bound. Handlers see the JDK's HttpExchange API.
 */
public final class HttpListener implements AutoCloseable {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_CONNECTIONS = 128;
    /** API Gateway's HTTP API limit on a request's headers, request line included. */
    static final int MAX_HEAD_BYTES = 10 * 1024;

    private final String name;
    private final ServerSocket socket;
    private final HttpHandler handler;
    private final Duration readTimeout;
    private final ThreadPoolExecutor threads;
    private final Thread acceptor;
    private volatile boolean closed;

    /** {@code name} names its threads and its log lines ("gateway", "sqs-front"). */
    public HttpListener(String name, String host, int port, HttpHandler handler) throws IOException {
        this(name, host, port, handler, READ_TIMEOUT, MAX_CONNECTIONS);
    }

    HttpListener(String name, String host, int port, HttpHandler handler, Duration readTimeout, int maxConnections)
            throws IOException {
        this.name = name;
        this.readTimeout = readTimeout;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 256);
        this.handler = handler;
        // Pooled platform threads rather than a virtual thread per connection: per-thread caches survive.
        this.threads = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name(name + "-", 0).factory());
        this.acceptor = Thread.ofPlatform().daemon().name(name + "-accept").unstarted(this::accept);
    }

    public void start() {
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                threads.execute(() -> serve(connection));
            } catch (RejectedExecutionException busy) {
                try (connection) {
                    connection.setSoTimeout(1000);
                    writeAnswer(connection.getOutputStream(), 503, "Service Unavailable", true);
                } catch (IOException ignored) {
                    // The client went away; nothing to tell it.
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            Deadline deadline = new Deadline(connection);
            InputStream in = new BufferedInputStream(deadline);
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                // The whole request (head and body), or the wait for it, within the read timeout.
                deadline.restart(readTimeout);
                Head head;
                try {
                    head = Head.read(in);
                } catch (Refusal refusal) {
                    writeAnswer(out, refusal.status, refusal.getMessage(), true);
                    return;
                }
                if (head == null) {
                    return;
                }
                LocalExchange exchange;
                try {
                    exchange = new LocalExchange(head, in, out, connection);
                } catch (Refusal refusal) {
                    writeAnswer(out, refusal.status, refusal.getMessage(), true);
                    return;
                }
                try {
                    if ("100-continue".equalsIgnoreCase(head.headers().getFirst("Expect"))) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    handler.handle(exchange);
                } catch (IOException e) {
                    if (!exchange.bodyFailed()) {
                        throw e;
                    }
                    // The client's body was malformed, cut short or too slow: close() answers 400.
                } finally {
                    exchange.close();
                }
                keepAlive = exchange.keepAlive();
            }
        } catch (SocketTimeoutException slow) {
            // A client that took longer than the read timeout to send a request: the connection ends.
        } catch (SocketException gone) {
            // Reset by the client.
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println(name + " connection: " + e);
            }
        }
    }

    /** API Gateway's own answers carry {"message": ...} as JSON. */
    static void writeAnswer(OutputStream out, int status, String message, boolean close) throws IOException {
        byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + message + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** A request that cannot be served, with the status that says why. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The request line and headers of one request. */
    record Head(String method, URI uri, String protocol, com.sun.net.httpserver.Headers headers) {

        /** The next request's head, null at a clean end of the connection. */
        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int total = 0;
            String requestLine = null;
            com.sun.net.httpserver.Headers headers = new com.sun.net.httpserver.Headers();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (requestLine == null && line.size() == 0) {
                        return null;
                    }
                    throw new Refusal(400, "Bad Request");
                }
                if (++total > MAX_HEAD_BYTES) {
                    throw new Refusal(431, "Request Header Fields Too Large");
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (requestLine == null) {
                    if (text.isEmpty()) {
                        continue;
                    }
                    requestLine = text;
                } else if (text.isEmpty()) {
                    break;
                } else {
                    int colon = text.indexOf(':');
                    if (colon <= 0 || text.charAt(0) == ' ' || text.charAt(0) == '\t'
                            || text.substring(0, colon).chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                        throw new Refusal(400, "Bad Request");
                    }
                    String value = text.substring(colon + 1).strip();
                    if (value.indexOf('\r') >= 0) {
                        throw new Refusal(400, "Bad Request");
                    }
                    headers.add(text.substring(0, colon), value);
                }
            }
            String[] parts = requestLine.split(" ", -1);
            if (parts.length != 3 || !parts[0].matches("[A-Z]{1,16}") || !parts[2].matches("HTTP/1\\.[01]")) {
                throw new Refusal(400, "Bad Request");
            }
            return new Head(parts[0], target(parts[1]), parts[2], headers);
        }

        /** An origin-form target: a path, an optional query, and percent-escapes that are whole. */
        private static URI target(String target) throws Refusal {
            if (!target.startsWith("/")) {
                throw new Refusal(400, "Bad Request");
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c <= ' ' || c >= 127 || c == '\\' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{'
                        || c == '}' || c == '|' || c == '^' || c == '#') {
                    throw new Refusal(400, "Bad Request");
                }
                if (c == '%' && (i + 2 >= target.length() || hex(target.charAt(i + 1)) < 0 || hex(target.charAt(i + 2)) < 0)) {
                    throw new Refusal(400, "Bad Request");
                }
            }
            try {
                return new URI(target);
            } catch (URISyntaxException e) {
                throw new Refusal(400, "Bad Request");
            }
        }

        private static int hex(char c) {
            return Character.digit(c, 16);
        }
    }

    /**
     * A connection's input that ends a request at its deadline rather than at a quiet gap: a read
     * timeout alone restarts with every byte, so one byte every few seconds would hold a
     * connection (and, 128 times over, the listener) forever.
     */
    private static final class Deadline extends FilterInputStream {
        private final Socket connection;
        private long deadline;

        Deadline(Socket connection) throws IOException {
            super(connection.getInputStream());
            this.connection = connection;
        }

        void restart(Duration timeout) {
            deadline = System.nanoTime() + timeout.toNanos();
        }

        private void arm() throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("the request took longer than its deadline");
            }
            connection.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            arm();
            return super.read(bytes, offset, count);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }
}
