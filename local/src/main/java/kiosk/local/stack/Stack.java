package kiosk.local.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import kiosk.local.function.Invoker;
import kiosk.local.function.LocalFunction;

/**
 * template.yaml brought up on this machine: its tables, queues and secrets in the emulator, what
 * it asks the runtime to serve (its {@link Blueprint}), and every function ready to run in its own
 * class loader with the environment the template gives it.
 */
public final class Stack implements Invoker, AutoCloseable {

    private final LocalAws aws;
    private final Blueprint blueprint;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, Semaphore> concurrency = new LinkedHashMap<>();
    private final Map<String, Integer> limits = new LinkedHashMap<>();
    private final PrintStream log;

    /** Lambda's default account concurrency is 1000; locally a function without a reservation gets this. */
    static final int DEFAULT_CONCURRENCY = 100;

    /** A function at its concurrency limit, as Lambda throttles it. */
    public static final class ThrottledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ThrottledException(String functionId, int limit) {
            super(functionId + " is at its concurrency limit of " + limit);
        }
    }

    /** {@code parameters}: values in place of the template's defaults (sam deploy's parameter overrides). */
    public Stack(Path templateFile, Map<String, String> parameters, LocalAws.Options options, PrintStream log) {
        this.log = log;
        this.aws = LocalAws.start(Template.load(templateFile).withParameters(parameters), options);
        this.blueprint = new Blueprint(aws.template(), aws.intrinsics()::resolve);
        aws.functions().forEach((id, configuration) -> functions.put(id, new LocalFunction(configuration, log)));
        aws.template().resources("AWS::Serverless::Function").forEach((id, properties) -> {
            int limit = properties.get("ReservedConcurrentExecutions") instanceof Number reserved ? reserved.intValue()
                    : DEFAULT_CONCURRENCY;
            limits.put(id, limit);
            concurrency.put(id, new Semaphore(limit));
        });
    }

    /**
     * Points every function at a gateway serving the template's HTTP APIs: a variable holding an
     * API's URL in AWS (a webhook's address, say) holds {@code gateway}'s instead. Called before
     * any function runs.
     */
    public void serveApisAt(java.net.URI gateway) {
        String local = gateway.toString().replaceAll("/$", "");
        functions.replaceAll((id, function) -> {
            FunctionConfiguration pointed = function.configuration();
            for (String api : aws.template().resources("AWS::Serverless::HttpApi").keySet()) {
                pointed = pointed.pointing(aws.apiUrl(api), local);
            }
            function.close();
            return new LocalFunction(pointed, log);
        });
    }

    public Blueprint blueprint() {
        return blueprint;
    }

    public LocalAws aws() {
        return aws;
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    public LocalFunction function(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("template.yaml declares no function " + logicalId + "; it has " + functions.keySet());
        }
        return function;
    }

    @Override
    public byte[] invoke(String logicalId, byte[] event) {
        LocalFunction function = function(logicalId);
        Semaphore slots = concurrency.get(logicalId);
        if (!slots.tryAcquire()) {
            throw new ThrottledException(logicalId, limits.get(logicalId));
        }
        try {
            return function.invoke(event);
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() {
        functions.values().forEach(LocalFunction::close);
        aws.close();
    }
}
