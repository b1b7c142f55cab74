package kiosk.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import kiosk.emulator.LocalAws;
import kiosk.emulator.OwnerOnlyFile;
import kiosk.local.events.QueuePoller;
import kiosk.local.events.Scheduler;
import kiosk.local.events.StreamPoller;
import kiosk.local.events.StreamPositions;
import kiosk.local.function.FunctionException;
import kiosk.local.http.Gateway;
import kiosk.local.stack.Blueprint;
import kiosk.local.stack.Stack;

/**
 * Kiosk on one machine, in one JVM: the template's data services, its HTTP API on a local port,
 * its queue and stream consumers and its schedules, all read from the template, and the demo seeds on a
 * first start. {@link Main} starts it for the README's run command; tests start it in-process.
 */
public final class LocalRuntime implements AutoCloseable {

    private final Options options;
    private final PrintStream log;
    private final DataFolder folder;
    private final Stack stack;
    private final Gateway gateway;
    private final Scheduler scheduler;
    private final WebShop shop;
    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<StreamPoller> streamPollers = new ArrayList<>();
    private Map<String, Seeder.Account> accounts = Map.of();
    private volatile boolean discardOnClose;
    private List<String> notes = List.of();

    private LocalRuntime(Options options, PrintStream log, DataFolder folder) {
        this.options = options;
        this.log = log;
        this.folder = folder;
        this.stack = new Stack(options.template(), options.parameters(), new LocalAws.Options(0, 0, 0, "127.0.0.1", options.dataDirectory()), log);
        try {
            Blueprint blueprint = stack.blueprint();
            this.gateway = new Gateway(blueprint, stack, LocalAws.ACCOUNT, options.host(), options.port(), options.throttle());
            stack.serveApisAt(url());
            if (options.envFile() != null) {
                try {
                    FunctionsFile.write(options.envFile(), stack.functions());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot write " + options.envFile(), e);
                }
            }
            this.scheduler = new Scheduler(blueprint.schedules(), stack, LocalAws.REGION, LocalAws.ACCOUNT, log);
            LocalRoutes local = new LocalRoutes(scheduler, stack, options.host(), ApiReference.documentOf(options.template()));
            gateway.addLocalHandler(LocalRoutes.PREFIX, local);
            this.shop = WebShop.of(options.template());
            gateway.site(shop);
            for (Blueprint.QueueSource source : blueprint.queueSources()) {
                if (source.enabled()) {
                    pollers.add(new QueuePoller(source, stack.aws().queueUrl(source.queueId()),
                            stack.aws().queueArn(source.queueId()), LocalAws.REGION, stack.aws().sqs(), stack, log));
                }
            }
            StreamPositions positions = options.dataDirectory() == null ? StreamPositions.inMemory()
                    : StreamPositions.in(options.dataDirectory().resolve("stream-positions.json"));
            for (Blueprint.StreamSource source : blueprint.streamSources()) {
                if (source.enabled()) {
                    // What the provisioner recorded for !GetAtt Table.StreamArn (it refuses a table without one).
                    String streamArn = String.valueOf(stack.aws().intrinsics().resolve(
                            Map.of("Fn::GetAtt", List.of(source.tableId(), "StreamArn"))));
                    streamPollers.add(new StreamPoller(source, streamArn, LocalAws.REGION, stack.aws().dynamoDbStreams(),
                            stack.aws().sqs(), source.onFailureQueueId() == null ? null : stack.aws().queueUrl(source.onFailureQueueId()),
                            stack, positions, log));
                }
            }
            local.health(new LocalHealth(stack, pollers, streamPollers, scheduler));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts everything and seeds a first start; returns once the gateway answers. */
    public static LocalRuntime start(Options options, PrintStream log) {
        DataFolder folder = DataFolder.prepare(options);
        LocalRuntime runtime;
        try {
            runtime = new LocalRuntime(options, log, folder);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
        try {
            runtime.gateway.start();
            runtime.pollers.forEach(QueuePoller::start);
            runtime.streamPollers.forEach(StreamPoller::start);
            runtime.scheduler.start();
            runtime.seed();
            options.fire().forEach(runtime.scheduler::fire);
            return runtime;
        } catch (RuntimeException | IOException | InterruptedException e) {
            boolean seeding = runtime.discardOnClose && options.dataDirectory() != null;
            boolean discarded = seeding && folder.foundEmpty();
            runtime.close();
            throw new IllegalStateException("Kiosk did not start: " + e.getMessage() + (discarded
                    ? " (what the seeding had made was removed: the next start seeds from the beginning)"
                    : seeding ? " (" + options.dataDirectory() + " held data before this start and was left as it is;"
                            + " local/run --fresh empties it and seeds again)" : ""), e);
        }
    }

    public URI url() {
        return URI.create("http://" + LocalAws.clientHost(options.host()) + ":" + gateway.port());
    }

    public Options options() {
        return options;
    }

    public Stack stack() {
        return stack;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The seeded admin, or null when nothing was seeded in this start or before it. */
    public Seeder.Account admin() {
        return accounts.get("admin");
    }

    /** Every seeded account by the seed file's name for it, in its order; empty without seeds. */
    public Map<String, Seeder.Account> accounts() {
        return accounts;
    }

    /** The shop's pages this runtime serves at its root. */
    WebShop shop() {
        return shop;
    }

    /** The seed file's notes to print beside the accounts. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Constructs and primes, off the request path, the handlers of every function a request can
     * reach: the public routes first (what a visitor opens), then the authorizers and the routes
     * behind them. Before the ready line, so that no one's first request pays a function's init
     * (a few seconds in all on 2 cores, against 0.2-1 s on each function's first request).
     */
    public void warmRoutes() {
        Blueprint blueprint = stack.blueprint();
        Set<String> order = new LinkedHashSet<>();
        blueprint.routes().stream().filter(r -> r.authorizer() == null).forEach(r -> order.add(r.functionId()));
        blueprint.authorizers().values().stream().map(Blueprint.Authorizer::functionId).sorted().forEach(order::add);
        blueprint.routes().forEach(r -> order.add(r.functionId()));
        warm(order);
    }

    /**
     * Every function, the event-driven ones too (for tests). The runtime itself leaves those to
     * their first event, as Lambda does: warming them after the ready line took the cores from
     * the first requests, and an event waits for no one.
     */
    public void warmAll() {
        warm(stack.functions().keySet());
    }

    private void warm(Set<String> functionIds) {
        try (var pool = Executors.newFixedThreadPool(2)) {
            functionIds.stream().map(stack.functions()::get).filter(f -> f != null && !f.warm()).forEach(f -> pool.submit(() -> {
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
        Seeder seeder = new Seeder(options.seedFile(), url(), stack);
        accounts = seeder.accounts(options.dataDirectory());
        notes = seeder.notes();
        Path marker = options.dataDirectory() == null ? null : options.dataDirectory().resolve("seeded");
        if (marker != null && Files.exists(marker)) {
            return;
        }
        long started = System.nanoTime();
        // Until the marker is written, a failure leaves a half-seeded folder (an admin signed up,
        // no catalog) that every later start would trip on: closing discards it instead.
        discardOnClose = true;
        int steps = seeder.run(accounts);
        if (marker != null) {
            OwnerOnlyFile.write(marker, "seeded from " + options.seedFile() + "\n");
        }
        discardOnClose = false;
        log.printf("seeded %d steps from %s in %d ms%n", steps, options.seedFile().getFileName(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops taking work, lets work in hand finish, then stops the data services so nothing is lost. */
    @Override
    public void close() {
        gateway.close();
        pollers.forEach(QueuePoller::close);
        streamPollers.forEach(StreamPoller::close);
        scheduler.close();
        stack.close();
        if (discardOnClose) {
            folder.discard();
        }
        folder.close();
    }
}
