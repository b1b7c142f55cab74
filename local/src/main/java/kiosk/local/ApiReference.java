package kiosk.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI document and a reference to browse it, under /_local/: GET
 * /_local/openapi.yaml answers api/openapi.yaml beside the template as it is on disk (read at each
 * request, so an edit shows on reload); GET /_local/docs/ is Swagger UI, every asset from its
 * webjar on the class path (no CDN), with Kiosk's own page and initializer, which point it at that
 * document. Only files of the webjar's folder and ours are served: a name is one path segment of
 * plain characters, so nothing outside them can be named.
 */
final class ApiReference {

    static final String DOCUMENT = LocalRoutes.PREFIX + "openapi.yaml";
    static final String DOCS = LocalRoutes.PREFIX + "docs/";

    /** Scripts and styles from this origin only; Swagger UI's stylesheet inlines its icons as data: images. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final String OURS = "/kiosk/local/docs/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "map", "application/json");

    /** What to answer: a status, a content type and a body, or a redirect's location. */
    record Answer(int status, String contentType, byte[] body, String location) {

        static Answer of(String contentType, byte[] body) {
            return new Answer(200, contentType, body, null);
        }

        static Answer notFound(String message) {
            return new Answer(404, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private final Path document;
    /** The webjar's folder on the class path, or null when the webjar is not there. */
    private final String webjar;

    ApiReference(Path document) {
        this.document = document;
        this.webjar = webjarFolder();
    }

    /** The API's document for a template: api/openapi.yaml beside it. */
    static Path documentOf(Path template) {
        return template.toAbsolutePath().getParent().resolve("api").resolve("openapi.yaml");
    }

    /** Whether the request is one of ours. */
    static boolean serves(String method, String rawPath) {
        return method.equals("GET") && (rawPath.equals(DOCUMENT) || rawPath.equals(DOCS.substring(0, DOCS.length() - 1))
                || rawPath.startsWith(DOCS));
    }

    /** The answer to a GET of a path {@link #serves} takes, by its raw (undecoded) path. */
    Answer answer(String rawPath) {
        if (rawPath.equals(DOCUMENT)) {
            try {
                return Answer.of("application/yaml", Files.readAllBytes(document));
            } catch (NoSuchFileException e) {
                return Answer.notFound("no OpenAPI document at " + document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!rawPath.startsWith(DOCS)) {
            return new Answer(302, null, new byte[0], DOCS);
        }
        String name = rawPath.substring(DOCS.length());
        if (name.isEmpty()) {
            name = "index.html";
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        if (!NAME.matcher(name).matches() || !TYPES.containsKey(extension)) {
            return Answer.notFound("no such file in the API reference: " + name);
        }
        byte[] body = resource(OURS + name);
        if (body == null && webjar != null) {
            body = resource(webjar + name);
        }
        if (body == null) {
            return Answer.notFound(webjar == null ? "Swagger UI's webjar is not on the runtime's class path"
                    : "no such file in the API reference: " + name);
        }
        return Answer.of(TYPES.get(extension), body);
    }

    private static byte[] resource(String path) {
        try (InputStream in = ApiReference.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's versioned folder, found from its own Maven metadata so the POM alone names the version. */
    private static String webjarFolder() {
        try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
