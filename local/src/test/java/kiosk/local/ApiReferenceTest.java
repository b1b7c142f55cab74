package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiosk.emulator.http.HttpListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /_local/openapi.yaml and /_local/docs/ as a browser and a client meet them, on the listener
 * the gateway uses: the document as it is on disk, Swagger UI from its webjar with Kiosk's page,
 * each answer kept to its own origin, nothing else reachable.
 */
class ApiReferenceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String DOCUMENT = "openapi: 3.1.0\ninfo:\n  title: Test\n  version: '1'\npaths: {}\n";

    @TempDir
    Path root;

    private HttpListener listener;

    private void serve(Path document) throws IOException {
        LocalRoutes routes = new LocalRoutes(null, (function, event) -> {
            throw new IllegalArgumentException("no functions here");
        }, "127.0.0.1", document);
        listener = new HttpListener("test", "127.0.0.1", 0, routes);
        listener.start();
    }

    private Path document() throws IOException {
        Path api = Files.createDirectories(root.resolve("api"));
        return Files.writeString(api.resolve("openapi.yaml"), DOCUMENT);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static void assertKeptToItsOrigin(HttpResponse<byte[]> response) {
        assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElse(null));
        String policy = response.headers().firstValue("content-security-policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self';")
                && policy.contains("connect-src 'self';") && !policy.contains("unsafe"), policy);
    }

    /** The status line of a request sent byte for byte as given, as no client library would normalise it. */
    private String rawStatus(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + listener.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    @Test
    void theDocumentIsServedAsItIsOnDiskAsYaml() throws Exception {
        Path document = document();
        serve(document);
        HttpResponse<byte[]> response = get("/_local/openapi.yaml");
        assertEquals(200, response.statusCode());
        assertEquals("application/yaml", response.headers().firstValue("content-type").orElse(null));
        assertEquals(DOCUMENT, text(response));
        assertKeptToItsOrigin(response);

        Files.writeString(document, DOCUMENT.replace("Test", "Edited"));
        assertTrue(text(get("/_local/openapi.yaml")).contains("title: Edited"), "read at each request");
    }

    @Test
    void theReferenceIsSwaggerUiFromItsWebjarWithKiosksPageAndInitializer() throws Exception {
        serve(document());
        HttpResponse<byte[]> page = get("/_local/docs/", "Sec-Fetch-Site", "none", "Sec-Fetch-Mode", "navigate");
        assertEquals(200, page.statusCode(), text(page));
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(null));
        assertKeptToItsOrigin(page);
        String html = text(page);
        assertTrue(html.contains("<script src=\"swagger-ui-bundle.js\"") && html.contains("<script src=\"swagger-initializer.js\""), html);
        assertTrue(!html.contains("<script>") && !html.contains("http"), "no inline script, nothing from elsewhere: " + html);

        HttpResponse<byte[]> initializer = get("/_local/docs/swagger-initializer.js", "Sec-Fetch-Site", "same-origin");
        assertEquals("text/javascript; charset=utf-8", initializer.headers().firstValue("content-type").orElse(null));
        assertTrue(text(initializer).contains("url: \"/_local/openapi.yaml\""), "ours, not the webjar's petstore: " + text(initializer));

        HttpResponse<byte[]> bundle = get("/_local/docs/swagger-ui-bundle.js", "Sec-Fetch-Site", "same-origin");
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length > 1_000_000, "the whole bundle: " + bundle.body().length);
        HttpResponse<byte[]> css = get("/_local/docs/swagger-ui.css");
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElse(null));
        assertEquals("image/png", get("/_local/docs/favicon-32x32.png").headers().firstValue("content-type").orElse(null));

        HttpResponse<byte[]> bare = get("/_local/docs");
        assertEquals(302, bare.statusCode());
        assertEquals("/_local/docs/", bare.headers().firstValue("location").orElse(null));
    }

    @Test
    void anythingElseUnderTheReferenceIsNotFoundTraversalIncluded() throws Exception {
        serve(document());
        for (String target : List.of("/_local/docs/nothing.js", "/_local/docs/../openapi.yaml", "/_local/docs/../../pom.xml",
                "/_local/docs/..%2F..%2Fpom.xml", "/_local/docs/%2e%2e/%2e%2e/pom.xml", "/_local/docs/.%2e/openapi.yaml",
                "/_local/docs//etc/passwd", "/_local/docs/META-INF/MANIFEST.MF", "/_local/docs/kiosk/local/LocalRoutes.class",
                "/_local/docs/simplelogger.properties", "/_local/docs/index.html/", "/_local/docs/.index.html",
                "/_local/docs/swagger-ui.css%00.png")) {
            assertEquals("HTTP/1.1 404 Not Found", rawStatus(target), target);
        }
    }

    @Test
    void crossSiteRequestsAndForeignHostsAreRefusedAsForTheOtherLocalRoutes() throws Exception {
        serve(document());
        assertEquals(403, get("/_local/docs/", "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, get("/_local/openapi.yaml", "Sec-Fetch-Site", "same-site").statusCode());
        assertEquals(403, get("/_local/openapi.yaml", "Origin", "http://evil.example").statusCode());
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            socket.getOutputStream().write("GET /_local/docs/ HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        }
    }

    @Test
    void aMissingDocumentIsNotFound() throws Exception {
        serve(root.resolve("api").resolve("openapi.yaml"));
        assertEquals(404, get("/_local/openapi.yaml").statusCode());
    }
}
