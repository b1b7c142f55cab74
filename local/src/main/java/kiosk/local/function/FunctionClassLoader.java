package kiosk.local.function;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One function's code, isolated as Lambda isolates it: the deployment package (a zip or jar with
 * classes at the top, or a folder with classes at the top and libraries under lib/) over the
 * JDK's own classes. Only the Lambda core interfaces (Context, RequestHandler...) come from the
 * runtime, as Lambda's own runtime provides them, so that the Context we pass is the type the
 * handler compiled against. Besides those, only classes of the libraries the runtime shares
 * ({@link SharedLibraries}) are lent, and only when the package holds the same bytes: a class the
 * package lacks is missing here as it is on Lambda (Joda-Time, which Lambda's serializers need for
 * SQS and schedule events, included).
 */
final class FunctionClassLoader extends URLClassLoader {

    private static final String CORE = "com.amazonaws.services.lambda.runtime.";
    private static final ClassLoader RUNTIME = FunctionClassLoader.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    private final Path codeUri;

    FunctionClassLoader(String name, Path codeUri) {
        super(name, urls(codeUri), ClassLoader.getPlatformClassLoader());
        this.codeUri = codeUri;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isCore(name) || SharedLibraries.lends(codeUri, name)) {
            return RUNTIME.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /** The core interfaces and their log levels: events, serialization and the rest come from the package. */
    private static boolean isCore(String name) {
        if (!name.startsWith(CORE)) {
            return false;
        }
        String rest = name.substring(CORE.length());
        return rest.indexOf('.') < 0 || rest.startsWith("logging.");
    }

    private static URL[] urls(Path codeUri) {
        try {
            if (Files.isRegularFile(codeUri)) {
                return new URL[] {codeUri.toUri().toURL()};
            }
            if (!Files.isDirectory(codeUri)) {
                throw new IllegalStateException("no deployment package at " + codeUri + ": build it first (./mvnw -DskipTests package)");
            }
            List<URL> urls = new ArrayList<>();
            urls.add(codeUri.toUri().toURL());
            Path lib = codeUri.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
            return urls.toArray(URL[]::new);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bad code location " + codeUri, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + codeUri, e);
        }
    }
}
