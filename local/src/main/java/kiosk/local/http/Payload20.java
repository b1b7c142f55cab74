package kiosk.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's payload format 2.0 in both directions, apart from any socket: the event API
 * Gateway sends a Lambda integration for a request, and the HTTP response it makes of the
 * function's result (a formatted response, or any other JSON as a 200 application/json body).
 */
final class Payload20 {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String API_ID = "local";

    /** A request as it arrived: header names as the client sent them, each with its values. */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
            String sourceIp, String protocol) {
    }

    /** What goes back to the client: header names lower-cased, each with its values in order. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final ObjectMapper json;
    private final String accountId;

    Payload20(ObjectMapper json, String accountId) {
        this.json = json;
        this.accountId = accountId;
    }

    /** The event for a request matched to a route. */
    ObjectNode event(Request request, RouteTable.Match match, String requestId, Instant now) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().key());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        List<String> cookies = new ArrayList<>();
        ObjectNode headers = json.createObjectNode();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> {
                    for (String cookie : v.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                });
            } else {
                String joined = String.join(",", values);
                headers.put(lower, headers.has(lower) ? headers.get(lower).asText() + "," + joined : joined);
            }
        });
        if (!cookies.isEmpty()) {
            event.set("cookies", json.valueToTree(cookies));
        }
        event.set("headers", headers);
        Map<String, String> query = query(request.rawQuery());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", json.valueToTree(query));
        }
        if (!match.pathParameters().isEmpty()) {
            event.set("pathParameters", json.valueToTree(match.pathParameters()));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", API_ID);
        String host = headers.path("host").asText(null);
        context.put("domainName", host == null ? "localhost" : host);
        context.put("domainPrefix", host == null ? "localhost" : domainPrefix(host));
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.path("user-agent").asText(""));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().key());
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        byte[] body = request.body();
        if (body.length > 0) {
            String text = textual(headers.path("content-type").asText(null), body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * The response for a function's result ({@code null} for a void handler); empty when the
     * result claims to be a formatted response but is not a valid one, which API Gateway answers
     * with its own 500.
     */
    Optional<Response> response(byte[] result) {
        JsonNode answer;
        try {
            answer = result == null ? null : json.readTree(result);
        } catch (IOException notJson) {
            answer = null;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            headers.put("content-type", new ArrayList<>(List.of("application/json")));
            return Optional.of(new Response(200, headers, result == null ? "null".getBytes(StandardCharsets.UTF_8) : result));
        }
        JsonNode statusCode = answer.get("statusCode");
        if (!statusCode.canConvertToInt() || statusCode.asInt() < 100 || statusCode.asInt() > 599) {
            return Optional.empty();
        }
        answer.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT),
                new ArrayList<>(List.of(h.getValue().asText()))));
        answer.path("multiValueHeaders").properties().forEach(h -> h.getValue().forEach(v ->
                headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(v.asText())));
        for (JsonNode cookie : answer.path("cookies")) {
            headers.computeIfAbsent("set-cookie", k -> new ArrayList<>()).add(cookie.asText());
        }
        JsonNode body = answer.get("body");
        byte[] bytes = null;
        if (body != null && !body.isNull()) {
            if (answer.path("isBase64Encoded").asBoolean()) {
                try {
                    bytes = Base64.getDecoder().decode(body.asText());
                } catch (IllegalArgumentException notBase64) {
                    return Optional.empty();
                }
            } else {
                bytes = body.asText().getBytes(StandardCharsets.UTF_8);
            }
        }
        return Optional.of(new Response(statusCode.asInt(), headers, bytes));
    }

    /** API Gateway passes text bodies as they are and base64-encodes the rest. */
    private static String textual(String contentType, byte[] body) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            boolean text = type.startsWith("text/") || type.contains("json") || type.contains("xml")
                    || type.contains("javascript") || type.contains("x-www-form-urlencoded") || type.contains("yaml");
            if (!text) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }

    /** queryStringParameters: decoded, repeated names joined with commas; absent when there are none. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The host's first label ("." has an empty one: a client may send any Host). */
    static String domainPrefix(String host) {
        int end = 0;
        while (end < host.length() && host.charAt(end) != '.' && host.charAt(end) != ':') {
            end++;
        }
        return host.substring(0, end);
    }
}
