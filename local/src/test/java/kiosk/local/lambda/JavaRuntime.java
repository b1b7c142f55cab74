package kiosk.local.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kiosk.emulator.FunctionConfiguration;

/**
 * Lambda's Java runtime as this machine has it: AWS's runtime interface client with the two
 * libraries it runs with, alone in a folder the build fills (local/pom.xml, lambda-runtime), and
 * the command line Lambda starts it with.
 */
final class JavaRuntime {

    /** Set by failsafe (local/pom.xml): the folder of the client's jars. */
    private static final String DIRECTORY_PROPERTY = "kiosk.lambda.runtime";
    private static final String CLIENT_JAR = "aws-lambda-java-runtime-interface-client-";
    private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String NATIVE_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path nativeClient;

    private JavaRuntime() {
    }

    /**
     * Lambda's own command line for its Java runtimes (heap at 85 % of the memory size, C1 only,
     * serial GC, class data sharing, CRaC through the client for SnapStart), less its agents, on
     * this JVM's java.
     */
    static List<String> command(FunctionConfiguration function) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + function.memoryMb() * 1024 * 85 / 100 + "k");
        command.addAll(List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr", "-D" + NATIVE_CLIENT + "=" + nativeClient()));
        command.addAll(List.of("-classpath", classPath(), MAIN, function.handler()));
        return command;
    }

    /** The folder of the client's jars: what Lambda's LAMBDA_RUNTIME_DIR names. */
    static Path directory() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null) {
            throw new IllegalStateException(DIRECTORY_PROPERTY + " is not set: run this test through Maven (failsafe sets it)");
        }
        return Path.of(directory);
    }

    /** The client and its two libraries, and nothing of this JVM's class path. */
    private static String classPath() throws IOException {
        List<String> jars = jars().stream().map(Path::toString).toList();
        if (jars.size() != 3 || jars.stream().noneMatch(jar -> jar.contains(CLIENT_JAR))) {
            throw new IllegalStateException("expected the runtime interface client and its two libraries in " + directory()
                    + ", found " + jars);
        }
        return String.join(File.pathSeparator, jars);
    }

    private static List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /**
     * The client's native Runtime API library, unpacked once, as Lambda has it in /var/runtime/lib.
     * Left to itself, every client unpacks it to the same /tmp file while others map it: runtimes
     * starting together crash (SIGBUS).
     */
    private static synchronized Path nativeClient() throws IOException {
        if (nativeClient == null) {
            String arch = switch (System.getProperty("os.arch")) {
                case "amd64", "x86_64" -> "x86_64";
                case "aarch64", "arm64" -> "aarch_64";
                default -> throw new IllegalStateException("the client has no native library for " + System.getProperty("os.arch"));
            };
            boolean musl;
            try (Stream<Path> loaders = Files.list(Path.of("/lib"))) {
                musl = loaders.anyMatch(file -> file.getFileName().toString().startsWith("ld-musl-"));
            }
            String name = "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + arch + ".so";
            Path client = jars().stream().filter(jar -> jar.getFileName().toString().startsWith(CLIENT_JAR)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runtime interface client in " + directory()));
            Path library = Files.createTempDirectory("lambda-runtime-jni").resolve(name);
            try (FileSystem jar = FileSystems.newFileSystem(client)) {
                Files.copy(jar.getPath("jni", name), library);
            }
            // Deleted in the reverse order of these calls: the file, then its folder.
            library.getParent().toFile().deleteOnExit();
            library.toFile().deleteOnExit();
            nativeClient = library;
        }
        return nativeClient;
    }
}
