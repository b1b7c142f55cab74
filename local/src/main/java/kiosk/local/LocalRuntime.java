package kiosk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import kiosk.local.events.QueuePoller;
import kiosk.local.events.Scheduler;
import kiosk.local.function.FunctionException;
import kiosk.local.http.Gateway;
import kiosk.local.stack.Blueprint;
import kiosk.local.stack.Stack;

/**
 * Kiosk on one machine, in one JVM: DynamoDB Local, ElasticMQ and the secrets of template.yaml,
 * its HTTP API on a local port, its queue consumers and its schedules, all read from the
 * template. {@code main} is the README's run command; tests start it in-process with
 * {@link #start(Options, PrintStream)}.
 */
public final class LocalRuntime implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream log;
    private final Stack stack;
    private final Gateway gateway;
    private final Scheduler scheduler;
    private final List<QueuePoller> pollers = new ArrayList<>();
    private Seeder.Admin admin;

    private LocalRuntime(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
        if (options.fresh() && options.dataDirectory() != null) {
            deleteRecursively(options.dataDirectory());
        }
        // Services-only mode serves containers, so it listens on every interface at fixed ports.
        LocalAws.Options aws = options.servicesOnly()
                ? new LocalAws.Options(options.dynamoPort(), options.sqsPort(), options.secretsPort(), "0.0.0.0",
                        options.dataDirectory())
                : new LocalAws.Options(0, 0, 0, "127.0.0.1", options.dataDirectory());
        this.stack = new Stack(options.template(), aws, log);
        Blueprint blueprint = stack.blueprint();
        if (options.servicesOnly()) {
            this.gateway = null;
            this.scheduler = null;
            return;
        }
        this.gateway = new Gateway(blueprint, stack::function, LocalAws.ACCOUNT, options.host(), options.port());
        this.scheduler = new Scheduler(blueprint.schedules(), stack::function, LocalAws.REGION, LocalAws.ACCOUNT, log);
        gateway.addLocalHandler("/_local/", this::serveLocal);
        for (Blueprint.QueueSource source : blueprint.queueSources()) {
            if (source.enabled()) {
                pollers.add(new QueuePoller(source, stack.aws().queueUrl(source.queueId()),
                        stack.aws().queueArn(source.queueId()), LocalAws.REGION, stack.aws().sqs(),
                        stack.function(source.functionId()), log));
            }
        }
    }

    /** Starts everything and seeds a first start; returns once the gateway answers. */
    public static LocalRuntime start(Options options, PrintStream log) {
        LocalRuntime runtime = new LocalRuntime(options, log);
        try {
            runtime.begin();
            return runtime;
        } catch (RuntimeException | IOException | InterruptedException e) {
            runtime.close();
            throw new IllegalStateException("Kiosk did not start: " + e.getMessage(), e);
        }
    }

    private void begin() throws IOException, InterruptedException {
        if (options.servicesOnly()) {
            writeEnvFile();
            return;
        }
        gateway.start();
        pollers.forEach(QueuePoller::start);
        scheduler.start();
        seed();
        for (String name : options.fire()) {
            scheduler.fire(name);
        }
    }

    public URI url() {
        return URI.create("http://" + (options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host()) + ":" + gateway.port());
    }

    public Stack stack() {
        return stack;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The seeded admin, or null when nothing was seeded in this start or before it. */
    public Seeder.Admin admin() {
        return admin;
    }

    /** Constructs every function's handler, as the first request to each would, off the request path. */
    public void warmAll() {
        try (var pool = Executors.newFixedThreadPool(2)) {
            stack.functions().values().forEach(f -> pool.submit(() -> {
                try {
                    f.warmUp();
                } catch (FunctionException e) {
                    log.println(e.getMessage());
                }
            }));
        }
    }

    private void seed() throws IOException, InterruptedException {
        if (options.seedFile() == null || !Files.isRegularFile(options.seedFile())) {
            return;
        }
        Seeder seeder = new Seeder(options.seedFile(), url(), stack::function);
        admin = seeder.admin(options.dataDirectory());
        Path marker = options.dataDirectory() == null ? null : options.dataDirectory().resolve("seeded");
        if (marker != null && Files.exists(marker)) {
            return;
        }
        long started = System.nanoTime();
        int steps = seeder.run(admin);
        if (marker != null) {
            Files.writeString(marker, "seeded from " + options.seedFile() + "\n");
        }
        log.printf("seeded %d steps from %s in %d ms%n", steps, options.seedFile().getFileName(), (System.nanoTime() - started) / 1_000_000);
    }

    /** POST /_local/schedules/{name}: fires a schedule now and answers the function's result. */
    private void serveLocal(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String prefix = "/_local/schedules/";
        int status;
        byte[] body;
        if (path.startsWith(prefix) && exchange.getRequestMethod().equals("POST")) {
            String name = path.substring(prefix.length());
            try {
                byte[] result = scheduler.fire(name);
                status = 200;
                body = result == null ? "null".getBytes(StandardCharsets.UTF_8) : result;
            } catch (IllegalArgumentException e) {
                status = 404;
                body = json(Map.of("message", e.getMessage()));
            } catch (FunctionException e) {
                status = 500;
                body = json(Map.of("errorType", e.errorType(), "errorMessage", String.valueOf(e.getMessage())));
            }
        } else {
            status = 404;
            body = json(Map.of("message", "the runtime's own paths: POST /_local/schedules/{name}"));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] json(Object value) throws IOException {
        return JSON.writeValueAsBytes(value);
    }

    /**
     * For {@code sam local invoke/start-api --env-vars}: each function's variables pointing at these
     * services as a container reaches them, through host.docker.internal.
     */
    private void writeEnvFile() throws IOException {
        Map<String, Map<String, String>> file = new LinkedHashMap<>();
        String dockerHost = "host.docker.internal";
        for (String id : stack.functions().keySet()) {
            Map<String, String> env = new LinkedHashMap<>();
            stack.aws().function(id).declaredEnvironment().forEach((name, value) -> env.put(name, value.replace("127.0.0.1", dockerHost)
                    .replace("localhost", dockerHost)));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://" + dockerHost + ":" + options.dynamoPort());
            env.put("AWS_ENDPOINT_URL_SQS", "http://" + dockerHost + ":" + options.sqsPort());
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://" + dockerHost + ":" + stack.aws().secretsEndpoint().getPort());
            env.put("AWS_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
            env.put("AWS_REGION", LocalAws.REGION);
            file.put(id, env);
        }
        Files.createDirectories(options.envFile().toAbsolutePath().getParent());
        JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValue(options.envFile().toFile(), file);
    }

    /** What is served, as a table: the first thing a developer reads. */
    void printSummary(long startedMillis) {
        Blueprint blueprint = stack.blueprint();
        if (options.servicesOnly()) {
            log.printf("%nData services for sam local (template %s):%n", options.template());
            log.printf("  DynamoDB Local  http://127.0.0.1:%d   tables: %s%n", options.dynamoPort(), stack.aws().tableNames().values());
            log.printf("  ElasticMQ       http://127.0.0.1:%d   queues: %s%n", options.sqsPort(), stack.aws().queueUrls().keySet());
            log.printf("  Secrets Manager http://127.0.0.1:%d   secrets: %s%n", stack.aws().secretsEndpoint().getPort(),
                    stack.aws().secretIds().keySet());
            log.printf("  env file for --env-vars: %s%n", options.envFile());
            log.printf("%nKiosk data services ready in %d ms; Ctrl-C stops them%n", System.currentTimeMillis() - startedMillis);
            return;
        }
        log.printf("%n  %-8s %-28s %-28s %s%n", "METHOD", "ROUTE", "FUNCTION", "AUTHORIZER");
        blueprint.routes().forEach(r -> log.printf("  %-8s %-28s %-28s %s%n", r.path().equals("$default") ? "" : r.method(),
                r.path(), r.functionId(), r.authorizer() == null ? "none" : r.authorizer()));
        blueprint.queueSources().forEach(q -> log.printf("  queue %s -> %s (batch %d, window %d s%s)%s%n", q.queueId(), q.functionId(),
                q.batchSize(), q.windowSeconds(), q.reportBatchItemFailures() ? ", partial batch failures" : "",
                q.enabled() ? "" : " disabled"));
        scheduler.schedules().values().forEach(s -> log.printf("  schedule %s -> %s %s %s%n", s.name(), s.functionId(), s.expression(),
                s.enabled() ? "next " + scheduler.nextFire(s.name()) : "disabled"));
        if (blueprint.queueSources().isEmpty() && scheduler.schedules().isEmpty()) {
            log.println("  (no queue consumers or schedules in the template)");
        }
        blueprint.ignored().forEach(i -> log.println("  not emulated: " + i));
        log.printf("  data: %s%n", options.dataDirectory() == null ? "in memory (gone at exit)" : options.dataDirectory());
        if (admin != null) {
            log.printf("  admin: %s / %s (local only; kept in the data folder)%n", admin.email(), admin.password());
        }
        log.printf("%nKiosk ready at %s in %d ms (Ctrl-C stops it)%n", url(), System.currentTimeMillis() - startedMillis);
    }

    /** Stops taking work, lets work in hand finish, then stops the data services so nothing is lost. */
    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        pollers.forEach(QueuePoller::close);
        if (scheduler != null) {
            scheduler.close();
        }
        stack.close();
    }

    public static void main(String[] args) {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        Options options;
        try {
            options = Options.parse(args, Template.projectRoot());
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = start(options, System.out);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        runtime.printSummary(started);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Kiosk stopping...");
            runtime.close();
            System.out.println("Kiosk stopped; data kept in " + (options.dataDirectory() == null ? "nowhere (in memory)" : options.dataDirectory()));
        }));
        if (!options.servicesOnly()) {
            runtime.warmAll();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + directory, e);
        }
    }
}
