package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The local runtime's HTTP API as a web client calls it: JSON bodies, bearer tokens, real sockets. */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a sign-in hands the client. */
    record Session(String accessToken, String refreshToken) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    GatewayClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A request with a JSON body (or none, when {@code body} is null) and any further header pairs. */
    HttpResponse<String> json(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = request(path, token);
        if (body != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    Session signUp(String email, String password, String name) {
        HttpResponse<String> signup = json("POST", "/auth/signup", null, write(Map.of("email", email, "password", password, "name", name)));
        assertEquals(201, signup.statusCode(), signup.body());
        return logIn(email, password);
    }

    Session logIn(String email, String password) {
        HttpResponse<String> login = json("POST", "/auth/login", null, write(Map.of("email", email, "password", password)));
        assertEquals(200, login.statusCode(), login.body());
        JsonNode tokens = read(login.body());
        return new Session(tokens.get("accessToken").asText(), tokens.get("refreshToken").asText());
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        return token == null ? request : request.header("authorization", "Bearer " + token);
    }

    /** Any request as built, for what the other methods do not shape. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
