package kiosk.local.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kiosk.emulator.FunctionConfiguration;

/**
 * One function in its own JVM under AWS's runtime interface client, as Lambda's Java runtime
 * starts it: the unzipped package as the working directory (the client's task root), only the
 * client and its two libraries on the class path, the function's environment and nothing of this
 * JVM's, and a Runtime API of its own on loopback. Kept warm across invocations, as Lambda keeps
 * an execution environment.
 */
final class ExecutionEnvironment implements AutoCloseable {

    /** Generous: a cold start on a busy two-core machine, not the function's own timeout. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** How Lambda starts a function beyond its template environment. */
    record Launch(String runtime, boolean snapStart) {
    }

    private final FunctionConfiguration function;
    private final RuntimeApiServer api;
    private final Process process;
    private final Path log;

    private ExecutionEnvironment(FunctionConfiguration function, RuntimeApiServer api, Process process, Path log) {
        this.function = function;
        this.api = api;
        this.process = process;
        this.log = log;
    }

    /** Starts the runtime process; it loads the handler at once, and takes events as they are submitted. */
    static ExecutionEnvironment start(FunctionConfiguration function, Path taskRoot, Launch launch, Path logDirectory)
            throws IOException {
        RuntimeApiServer api = RuntimeApiServer.start(function.arn(), function.timeout());
        Path log = logDirectory.resolve(function.logicalId() + ".log");
        ProcessBuilder builder = new ProcessBuilder(JavaRuntime.command(function)).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(function.environment());
        // What Lambda adds to every Java function's environment.
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("LAMBDA_RUNTIME_DIR", JavaRuntime.directory().toString());
        environment.put("_HANDLER", function.handler());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + launch.runtime());
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", launch.snapStart() ? "snap-start" : "on-demand");
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/[$LATEST]" + function.logicalId());
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            api.close();
            throw e;
        }
        process.onExit().thenAccept(ended -> api.runtimeEnded(
                Answer.Failure.of("Runtime.ExitError", "the runtime exited with status " + ended.exitValue())));
        return new ExecutionEnvironment(function, api, process, log);
    }

    /** Invokes the function with one event, as the Lambda service would, and waits for the runtime's answer. */
    Answer invoke(String event) {
        try {
            return api.submit(event.getBytes(StandardCharsets.UTF_8)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(function.logicalId() + " did not answer in " + PATIENCE.toSeconds() + " s; its log:\n" + log());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the runtime process wrote to stdout and stderr: the function's logs, as CloudWatch would get them. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        api.close();
    }
}
