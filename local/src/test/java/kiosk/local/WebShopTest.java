package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * The shop's built pages as local/run serves them where no API route matches: index.html at /,
 * Vite's hashed assets kept a year, the page held to its own origin by its CSP, nothing outside
 * web/dist reachable however the path is written, and a page saying how to build when there is
 * no build.
 */
class WebShopTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String INDEX = "<!doctype html><title>Kiosk</title><script type=\"module\" src=\"/assets/index-abc123.js\"></script>";

    @TempDir
    Path repository;

    private HttpListener listener;

    /** The listener the gateway uses, answering what the shop does not serve as the gateway would (404). */
    private void serve(WebShop shop) throws IOException {
        listener = new HttpListener("test", "127.0.0.1", 0, exchange -> {
            try (exchange) {
                if (!shop.serve(exchange)) {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        listener.start();
    }

    /** A template with web/dist built beside it, and a secret next to dist that must stay unreachable. */
    private Path built() throws IOException {
        Path dist = Files.createDirectories(repository.resolve("web/dist/assets"));
        Files.writeString(repository.resolve("template.yaml"), "Resources: {}\n");
        Files.writeString(repository.resolve("web/dist/index.html"), INDEX);
        Files.writeString(repository.resolve("web/dist/favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.writeString(dist.resolve("index-abc123.js"), "console.log('shop')");
        Files.writeString(dist.resolve("index-def456.css"), "body{}");
        Files.writeString(repository.resolve("web/package.json"), "{\"secret\": true}");
        Files.writeString(repository.resolve("web/dist/.env"), "TOKEN=secret");
        return repository.resolve("template.yaml");
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private String rawStatus(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    @Test
    void theRootIsTheShopsPageHeldToItsOwnOrigin() throws Exception {
        serve(WebShop.of(built()));
        HttpResponse<byte[]> page = get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", header(page, "content-type"));
        assertEquals(INDEX, text(page));
        assertEquals("no-cache", header(page, "cache-control"), "a rebuild shows on the next visit");
        assertEquals("nosniff", header(page, "x-content-type-options"));
        String policy = header(page, "content-security-policy");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("connect-src 'self';")
                && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe"), policy);
        assertEquals(INDEX, text(get("/index.html")));
    }

    @Test
    void aPathThatIsNotAnAbsolutePathNamesNoFile() throws Exception {
        WebShop shop = WebShop.of(built());
        serve(shop);
        // What the gateway had for "//products" before it kept the path as written: a 500 here.
        assertNull(shop.answer(""));
        assertNull(shop.answer("products"));
        assertNull(shop.answer("//products"));
    }

    @Test
    void hashedAssetsAreKeptAYearAndTheRestRevalidated() throws Exception {
        serve(WebShop.of(built()));
        HttpResponse<byte[]> script = get("/assets/index-abc123.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", header(script, "content-type"));
        assertEquals("public, max-age=31536000, immutable", header(script, "cache-control"));
        assertEquals("text/css; charset=utf-8", header(get("/assets/index-def456.css"), "content-type"));
        HttpResponse<byte[]> icon = get("/favicon.svg");
        assertEquals("image/svg+xml", header(icon, "content-type"));
        assertEquals("no-cache", header(icon, "cache-control"));
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() throws Exception {
        serve(WebShop.of(built()));
        for (String path : List.of("/", "/assets/index-abc123.js", "/favicon.svg")) {
            HttpResponse<byte[]> get = get(path);
            HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode(), path);
            assertEquals(String.valueOf(get.body().length), header(head, "content-length"), path);
            assertEquals(header(get, "content-type"), header(head, "content-type"), path);
            assertEquals(0, head.body().length, path);
        }
    }

    @Test
    void aFileIsReadAtEachRequest() throws Exception {
        Path template = built();
        serve(WebShop.of(template));
        Files.writeString(repository.resolve("web/dist/index.html"), "<!doctype html><title>Rebuilt</title>");
        assertEquals("<!doctype html><title>Rebuilt</title>", text(get("/")));
    }

    @Test
    void nothingOutsideDistIsReachableHoweverThePathIsWritten() throws Exception {
        Path template = built();
        Files.createSymbolicLink(repository.resolve("web/dist/assets/leak.json"), repository.resolve("web/package.json"));
        serve(WebShop.of(template));
        for (String target : List.of("/../package.json", "/assets/../../package.json", "/%2e%2e/package.json",
                "/assets/%2e%2e/%2e%2e/package.json", "/..%2Fpackage.json", "/assets%2F..%2F..%2Fpackage.json", "//etc/passwd",
                "/.env", "/assets/.env", "/assets/leak.json", "/index.html/", "/assets/", "/assets", "/template.yaml",
                "/index.html%00.js", "/assets/index-abc123.js.map", "/nothing.js", "/INDEX.HTML", "/favicon.svg/a.js",
                "/index.html/x.js", "/assets/index-abc123.js/index.html", "/" + "a".repeat(300) + ".js")) {
            assertEquals("HTTP/1.1 404 Not Found", rawStatus(target), target);
        }
    }

    @Test
    void withoutABuildTheRootSaysHowToMakeOneAndNothingElseIsClaimed() throws Exception {
        Files.writeString(repository.resolve("template.yaml"), "Resources: {}\n");
        WebShop shop = WebShop.of(repository.resolve("template.yaml"));
        serve(shop);
        assertTrue(!shop.built());
        HttpResponse<byte[]> page = get("/");
        assertEquals(404, page.statusCode());
        assertEquals("text/html; charset=utf-8", header(page, "content-type"));
        assertEquals("no-store", header(page, "cache-control"));
        assertTrue(text(page).contains(WebShop.BUILD_COMMAND), text(page));
        assertTrue(header(page, "content-security-policy").contains("script-src 'self'"));
        assertEquals("HTTP/1.1 404 Not Found", rawStatus("/assets/index-abc123.js"));
        assertEquals(0, get("/favicon.svg").body().length, "the gateway's own 404, not the shop's page");
    }
}
