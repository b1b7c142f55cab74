package kiosk.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A deployment package built on the spot, laid out as Lambda reads a folder (classes at the top,
 * jars under lib/): one handler taking an {@code SQSEvent}, with aws-lambda-java-events in lib/
 * and joda-time only when asked. Lambda's serializers need joda-time for that event, and
 * aws-lambda-java-events does not bring it, so the package without it is one that fails on Lambda.
 */
public final class SqsConsumerPackage {

    public static final String HANDLER = "probe.SqsConsumer::handleRequest";
    /** One message, as Lambda's SQS event source sends it. */
    public static final String EVENT = """
            {"Records":[{"messageId":"19dd0b57-b21e-4ac1-bd88-01bbb068cb78","receiptHandle":"MessageReceiptHandle",
            "body":"hello","attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1523232000000",
            "SenderId":"123456789012","ApproximateFirstReceiveTimestamp":"1523232000001"},"messageAttributes":{},
            "md5OfBody":"5d41402abc4b2a76b9719d911017c592","eventSource":"aws:sqs",
            "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs","awsRegion":"eu-west-1"}]}""";
    /** What the handler answers to {@link #EVENT}, as JSON. */
    public static final String ANSWER = "\"1 message(s): hello\"";

    private static final String SOURCE = """
            package probe;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.SQSEvent;

            public final class SqsConsumer implements RequestHandler<SQSEvent, String> {
                @Override
                public String handleRequest(SQSEvent event, Context context) {
                    return event.getRecords().size() + " message(s): " + event.getRecords().get(0).getBody();
                }
            }
            """;

    private SqsConsumerPackage() {
    }

    /** Compiles the handler into {@code directory} and copies its libraries into {@code directory/lib}. */
    public static Path build(Path directory, boolean withJodaTime) throws IOException {
        Path lib = Files.createDirectories(directory.resolve("lib"));
        Path events = testLibrary("aws-lambda-java-events-");
        compile(directory, List.of(coreJar(), events));
        Files.copy(events, lib.resolve(events.getFileName()));
        if (withJodaTime) {
            Path joda = testLibrary("joda-time-");
            Files.copy(joda, lib.resolve(joda.getFileName()));
        }
        return directory;
    }

    private static void compile(Path output, List<Path> classPath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///probe/SqsConsumer.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return SOURCE;
            }
        };
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("--release", "21", "-d", output.toString(), "-cp",
                    String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            if (!javac.getTask(diagnostics, files, null, options, null, List.of(source)).call()) {
                throw new IllegalStateException("the probe handler did not compile:\n" + diagnostics);
            }
        }
    }

    /** aws-lambda-java-core, from this test's class path: Lambda provides it, so a package does not ship it. */
    private static Path coreJar() {
        return location(Context.class);
    }

    /** A jar of the test functions' lib/ folder, which the build fills (local/pom.xml, test-function-lib). */
    private static Path testLibrary(String prefix) throws IOException {
        Path lib = location(SqsConsumerPackage.class).resolve("lib");
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + lib + ": build with Maven first"));
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
