package kiosk.emulator.http;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A request's body as the framing its headers declare: a Content-Length, chunks, or nothing. */
final class BodyStreams {

    private BodyStreams() {
    }

    static InputStream of(Headers headers, InputStream in) throws IOException {
        String length = headers.getFirst("Content-Length");
        String encoding = headers.getFirst("Transfer-Encoding");
        if (encoding != null) {
            // Both framings at once is how requests are smuggled past a proxy: refuse it.
            if (length != null || !encoding.equalsIgnoreCase("chunked")) {
                throw new HttpListener.Refusal(400, "Bad Request");
            }
            return new Chunks(in);
        }
        if (length == null) {
            return InputStream.nullInputStream();
        }
        if (!length.matches("[0-9]{1,18}") || headers.get("Content-Length").size() > 1) {
            throw new HttpListener.Refusal(400, "Bad Request");
        }
        return new Bounded(in, Long.parseLong(length));
    }

    /** At most {@code remaining} bytes of the connection. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("the body ended early");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(bytes, offset, (int) Math.min(count, remaining));
            if (read < 0) {
                throw new IOException("the body ended early");
            }
            remaining -= read;
            return read;
        }
    }

    /** A chunked body (RFC 9112 section 7.1), its extensions and trailers read past. */
    private static final class Chunks extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunks(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line().split(";", 2)[0].strip();
                if (!size.matches("[0-9a-fA-F]{1,15}")) {
                    throw new HttpListener.Refusal(400, "Bad Request");
                }
                left = Long.parseLong(size, 16);
                if (left == 0) {
                    while (!line().isEmpty()) {
                        // Trailers: ignored.
                    }
                    done = true;
                    return -1;
                }
            }
            int read = in.read(bytes, offset, (int) Math.min(count, left));
            if (read < 0) {
                throw new IOException("the body ended early");
            }
            left -= read;
            if (left == 0 && !line().isEmpty()) {
                throw new HttpListener.Refusal(400, "Bad Request");
            }
            return read;
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0 || line.size() > 4096) {
                    throw new IOException("a malformed chunk");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
