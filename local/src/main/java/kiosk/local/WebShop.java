package kiosk.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import kiosk.local.http.Gateway;
import kiosk.local.http.StaticSite;

/**
 * The shop's pages (web/, built by Vite into web/dist beside the template) on the gateway's own
 * origin: {@code /} is index.html, and any other file of dist/ by its path, wherever no API route
 * matches. Files are read at each request, so a rebuild shows on reload. A path is served only if
 * each segment is plain characters (no dot segments, no encoded separators) and the file, with its
 * links resolved, is inside dist/. Without a build, {@code /} says how to make one; nothing else
 * is claimed and the API's 404 stands.
 */
final class WebShop implements StaticSite {

    /** Scripts, styles and calls from this origin only; no framing, no inline code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String BUILD_COMMAND = "(cd web && npm ci && npm run build)";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** What to answer; null when the path is not the site's. */
    record Answer(int status, String contentType, String cacheControl, byte[] body) {
    }

    private final Path root;

    WebShop(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The built shop for a template: web/dist beside it. */
    static WebShop of(Path template) {
        return new WebShop(template.toAbsolutePath().getParent().resolve("web").resolve("dist"));
    }

    /** Whether the shop is built (its index.html is there). */
    boolean built() {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    Path root() {
        return root;
    }

    @Override
    public boolean serve(HttpExchange exchange) throws IOException {
        Answer answer = answer(Gateway.rawPath(exchange));
        if (answer == null) {
            return false;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.clear();
        headers.set("Content-Type", answer.contentType());
        headers.set("Cache-Control", answer.cacheControl());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        if (answer.contentType().startsWith("text/html")) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        // HEAD is told GET's length; the listener sends no body for it.
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        return true;
    }

    /** The answer for a raw (undecoded) path, or null if it names no file of the site. */
    Answer answer(String rawPath) throws IOException {
        if (!rawPath.startsWith("/")) {
            return null;
        }
        if (rawPath.equals("/") && !built()) {
            return notBuilt();
        }
        String relative = rawPath.equals("/") ? "index.html" : rawPath.substring(1);
        String[] segments = relative.split("/", -1);
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        String name = segments[segments.length - 1];
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null || name.indexOf('.') < 0) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        byte[] body;
        try {
            // A link inside dist/ may not lead out of it.
            Path real = file.toRealPath();
            if (!file.startsWith(root) || !real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
                return null;
            }
            body = Files.readAllBytes(real);
        } catch (FileSystemException notAFile) {
            // Absent, a file taken for a folder (/favicon.svg/a.js), a name too long: not the site's.
            return null;
        }
        // Vite names each asset by its content's hash: it never changes, so it may be kept a year.
        String cache = relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
        return new Answer(200, type, cache, body);
    }

    private Answer notBuilt() {
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Kiosk: build the shop</title></head>
                <body><main><h1>The shop's pages are not built yet</h1>
                <p>The API is running. To see the shop here, build its pages once (Node.js 20.19 or newer),
                from the repository's root:</p>
                <pre>%s</pre>
                <p>then reload this page. The API reference is at <a href="/_local/docs/">/_local/docs/</a>.</p>
                </main></body></html>
                """.formatted(BUILD_COMMAND);
        return new Answer(404, "text/html; charset=utf-8", "no-store", page.getBytes(StandardCharsets.UTF_8));
    }
}
