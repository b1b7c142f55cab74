package kiosk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import kiosk.emulator.http.HttpListener;

/**
 * SES v2's SendEmail on a local port, for the SDK's real client: every message is caught, never
 * sent. With a folder, each is written there as one owner-only file (it may hold a password
 * reset token, a credential for the account), named by time so that `ls` lists them in order;
 * the last {@link #KEPT} are also kept in memory for tests. Nothing serves them over HTTP.
 */
public final class MailCatcher implements AutoCloseable {

    /** A message as SES would have sent it. */
    public record Message(String id, Instant at, String from, List<String> to, String subject, String text, String html) {
    }

    static final int KEPT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String SEND_PATH = "/v2/email/outbound-emails";

    private final HttpListener server;
    private final AccessKeys keys;
    private final Path folder;
    private final Deque<Message> messages = new ConcurrentLinkedDeque<>();

    private MailCatcher(String host, int port, AccessKeys keys, Path folder) throws IOException {
        this.server = new HttpListener("ses", host, port, this::handle);
        this.keys = keys;
        this.folder = folder;
        if (folder != null) {
            OwnerOnlyFile.secureFolder(folder);
        }
    }

    /** On {@code host} (loopback unless a caller asks otherwise), port 0 for a free one; folder null keeps mail in memory only. */
    public static MailCatcher start(String host, int port, AccessKeys keys, Path folder) {
        try {
            MailCatcher catcher = new MailCatcher(host, port, keys, folder);
            catcher.server.start();
            return catcher;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " for SES", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Where messages are written, if anywhere. */
    public Path folder() {
        return folder;
    }

    /** The messages caught, oldest first (at most the last {@link #KEPT}). */
    public List<Message> messages() {
        return new ArrayList<>(messages);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!keys.carriedBy(exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestURI().getRawQuery())) {
            answer(exchange, 403, AccessKeys.REFUSAL_TYPE, Map.of("__type", AccessKeys.REFUSAL_TYPE, "message", AccessKeys.REFUSAL_MESSAGE));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !SEND_PATH.equals(exchange.getRequestURI().getPath())) {
            answer(exchange, 404, "NotFoundException", Map.of("message", "this local SES answers SendEmail only"));
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            request = null;
        }
        Message message = request == null ? null : message(request);
        if (message == null) {
            answer(exchange, 400, "BadRequestException",
                    Map.of("message", "a simple message needs FromEmailAddress, Destination.ToAddresses and Content.Simple"));
            return;
        }
        if (folder != null) {
            OwnerOnlyFile.write(folder.resolve(FILE_TIME.format(message.at()) + "-" + message.id() + ".eml"), file(message));
        }
        messages.addLast(message);
        while (messages.size() > KEPT) {
            messages.pollFirst();
        }
        answer(exchange, 200, null, Map.of("MessageId", message.id()));
    }

    private static Message message(JsonNode request) {
        String from = request.path("FromEmailAddress").asText("");
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(address -> to.add(address.asText()));
        JsonNode simple = request.path("Content").path("Simple");
        if (from.isEmpty() || to.isEmpty() || simple.isMissingNode()) {
            return null;
        }
        return new Message(UUID.randomUUID().toString(), Instant.now(), from, List.copyOf(to),
                simple.path("Subject").path("Data").asText(""), simple.path("Body").path("Text").path("Data").asText(null),
                simple.path("Body").path("Html").path("Data").asText(null));
    }

    /** The message as a plain-text mail file: headers, then the text part (or the HTML when there is no text). */
    private static String file(Message message) {
        return "Message-ID: <" + message.id() + "@ses.kiosk.local>\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(message.at().atOffset(ZoneOffset.UTC)) + "\n"
                + "From: " + header(message.from()) + "\n"
                + "To: " + header(String.join(", ", message.to())) + "\n"
                + "Subject: " + header(message.subject()) + "\n"
                + "Content-Type: " + (message.text() != null ? "text/plain" : "text/html") + "; charset=UTF-8\n\n"
                + (message.text() != null ? message.text() : message.html() == null ? "" : message.html()) + "\n";
    }

    /** A header's value on its one line, whatever the caller put in it. */
    private static String header(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }

    private static void answer(HttpExchange exchange, int status, String errorType, Map<String, Object> body) throws IOException {
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        JsonAnswer.send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        server.close();
    }
}
