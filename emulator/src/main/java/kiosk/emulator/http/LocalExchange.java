package kiosk.emulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request and its response on a {@link HttpListener} connection, behind the JDK's HttpExchange API. */
final class LocalExchange extends HttpExchange {

    /** What is read of a body the handler left unread so the connection can carry the next request. */
    private static final int MAX_DRAIN = 1024 * 1024;

    private final HttpListener.Head head;
    private final OutputStream connectionOut;
    private final Socket connection;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream body;
    private OutputStream responseBody;
    private int status = -1;
    private boolean keepAlive;
    private boolean bodyFailed;
    private boolean closed;

    LocalExchange(HttpListener.Head head, InputStream in, OutputStream out, Socket connection) throws IOException {
        this.head = head;
        this.connectionOut = out;
        this.connection = connection;
        String connectionHeader = head.headers().getFirst("Connection");
        this.keepAlive = head.protocol().equals("HTTP/1.1") ? !"close".equalsIgnoreCase(connectionHeader)
                : "keep-alive".equalsIgnoreCase(connectionHeader);
        this.body = new FilterInputStream(BodyStreams.of(head.headers(), in)) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    bodyFailed = true;
                    throw e;
                }
            }

            @Override
            public int read(byte[] bytes, int offset, int count) throws IOException {
                try {
                    return super.read(bytes, offset, count);
                } catch (IOException e) {
                    bodyFailed = true;
                    throw e;
                }
            }
        };
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Whether reading the request's body failed: the client's fault (malformed, cut short or too slow). */
    boolean bodyFailed() {
        return bodyFailed;
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public InputStream getRequestBody() {
        return body;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("sendResponseHeaders first");
        }
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status >= 0) {
            throw new IOException("headers already sent");
        }
        status = code;
        boolean noBody = length < 0 || code == 204 || code == 304 || code < 200 || head.method().equals("HEAD");
        StringBuilder lines = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n");
        responseHeaders.remove("Content-Length");
        responseHeaders.remove("Transfer-Encoding");
        responseHeaders.remove("Connection");
        responseHeaders.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        boolean chunked = false;
        if (code != 204 && code != 304) {
            if (length > 0) {
                responseHeaders.set("Content-Length", Long.toString(length));
            } else if (length == 0 && !noBody) {
                chunked = true;
                responseHeaders.set("Transfer-Encoding", "chunked");
            } else {
                responseHeaders.set("Content-Length", "0");
            }
        }
        if (!keepAlive) {
            responseHeaders.set("Connection", "close");
        }
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new IOException("a response header holds a line break: " + header.getKey());
                }
                lines.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        lines.append("\r\n");
        connectionOut.write(lines.toString().getBytes(StandardCharsets.ISO_8859_1));
        responseBody = noBody ? OutputStream.nullOutputStream() : chunked ? new Chunked(connectionOut)
                : new FilterOutputStream(connectionOut) {
                    @Override
                    public void write(byte[] bytes, int offset, int count) throws IOException {
                        out.write(bytes, offset, count);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
    }

    /**
     * Ends the exchange, once however often it is called: a handler that sent nothing has failed
     * (500), unless the client's body did (400); a body left unread is read past.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (status < 0) {
                keepAlive = false;
                status = bodyFailed ? 400 : 500;
                HttpListener.writeAnswer(connectionOut, status, bodyFailed ? "Bad Request" : "Internal Server Error", true);
                return;
            }
            if (bodyFailed) {
                keepAlive = false;
            }
            responseBody.close();
            connectionOut.flush();
            if (keepAlive && body.skip(MAX_DRAIN) >= MAX_DRAIN) {
                keepAlive = false;
            }
        } catch (IOException e) {
            keepAlive = false;
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return (InetSocketAddress) connection.getRemoteSocketAddress();
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return (InetSocketAddress) connection.getLocalSocketAddress();
    }

    @Override
    public String getProtocol() {
        return head.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            body = in;
        }
        if (out != null) {
            responseBody = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    private static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Request Entity Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status " + code;
        };
    }

    /** A response body of unknown length, in chunks. */
    private static final class Chunked extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private boolean closed;

        Chunked(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            pending.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            pending.write(bytes, offset, count);
        }

        @Override
        public void flush() throws IOException {
            if (pending.size() > 0) {
                out.write((Integer.toHexString(pending.size()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                pending.writeTo(out);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                pending.reset();
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            flush();
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
