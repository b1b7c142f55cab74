package kiosk.local.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kiosk.emulator.FunctionConfiguration;

/**
 * One function kept warm the way Lambda keeps an execution environment: its own class loader over
 * its package, its environment, the handler constructed once on first use (the init time logged),
 * and JSON in and out through the serializers Lambda's Java runtime uses. An invocation that runs
 * past the template's timeout is abandoned and the environment discarded, so the next one starts
 * cold, as on Lambda.
 */
public final class LocalFunction implements AutoCloseable {

    private static final String CONFIG_CLASS = "kiosk.shared.config.Config";
    private static final String SNAPSTART_CLASS = "kiosk.shared.lambda.SnapStart";

    private final FunctionConfiguration function;
    private final ExecutorService workers;
    private final PrintStream log;
    private volatile Environment environment;

    public LocalFunction(FunctionConfiguration function, PrintStream log) {
        this.function = function;
        this.log = log;
        // Pooled threads, so that thread-local caches (Jackson's buffers, the SDK's) are reused across invocations.
        this.workers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name(function.logicalId() + "-", 0).factory());
    }

    public FunctionConfiguration configuration() {
        return function;
    }

    /** Whether the handler has been constructed (the environment is warm). */
    public boolean warm() {
        return environment != null;
    }

    /**
     * Constructs the handler now rather than on the first invocation, and runs its SnapStart
     * primers as Lambda does before a snapshot: the first request then finds its path loaded and
     * linked. Requests arriving meanwhile wait for it, as they would for an init, so none runs
     * while the primers' writes are held back.
     */
    public void warmUp() {
        environment(true);
    }

    /**
     * Runs the handler on one JSON event and answers its JSON result ({@code null} for a void
     * handler), or throws {@link FunctionException} for an error or a timeout.
     */
    public byte[] invoke(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        LocalContext context = LocalContext.start(requestId, function, log);
        Future<byte[]> running = workers.submit(() -> environment().handle(event, context));
        try {
            return running.get(function.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            environment = null;
            log.printf("%s: request %s timed out after %d s; the environment is discarded%n", function.logicalId(), requestId,
                    function.timeout().toSeconds());
            throw FunctionException.timeout(function, requestId);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException target ? target.getCause() : e.getCause();
            FunctionException failure = cause instanceof FunctionException known ? known : FunctionException.error(function, cause);
            // Callers in front (the gateway, an authorizer) answer with a bare 500: the log is where the cause shows.
            log.printf("%s: request %s failed: %s: %s%n", function.logicalId(), requestId, failure.errorType(), failure.getMessage());
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            throw FunctionException.error(e);
        }
    }

    private Environment environment() {
        return environment(false);
    }

    private Environment environment(boolean prime) {
        Environment current = environment;
        if (current == null) {
            synchronized (this) {
                current = environment;
                if (current == null) {
                    current = Environment.init(function, log, prime);
                    environment = current;
                }
            }
        }
        return current;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        environment = null;
    }

    /** A constructed handler in its class loader: an execution environment. */
    private record Environment(ClassLoader loader, Object handler, Method method, Serialization serialization,
            Serialization.Serializer input, Map<Class<?>, Serialization.Serializer> outputs) {

        static Environment init(FunctionConfiguration function, PrintStream log, boolean prime) {
            long started = System.nanoTime();
            FunctionClassLoader loader = new FunctionClassLoader(function.logicalId(), function.codeUri());
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                overlayEnvironment(function, loader);
                String[] parts = function.handler().split("::", 2);
                Class<?> type = Class.forName(parts[0], true, loader);
                Object handler = type.getDeclaredConstructor().newInstance();
                Method method = handlerMethod(type, parts.length > 1 ? parts[1] : "handleRequest");
                // A stream handler reads and writes its own bytes: no serializers, and none of the
                // 490 classes and the Jackson set-up of a serialization library of its own (a third
                // of what the warm-up before the ready line loaded, for the 38 HTTP functions).
                Serialization serialization = handler instanceof RequestStreamHandler ? null
                        : new Serialization(function.logicalId(), loader);
                Serialization.Serializer input = serialization == null ? null
                        : serialization.serializer(method.getGenericParameterTypes()[0]);
                long constructed = System.nanoTime();
                int primers = prime ? prime(loader) : 0;
                String primed = primers == 0 ? "" : String.format(" (%d primer%s in %d ms)", primers, primers == 1 ? "" : "s",
                        (System.nanoTime() - constructed) / 1_000_000);
                log.printf("%s: init %s in %d ms%s%n", function.logicalId(), function.handler(), (constructed - started) / 1_000_000, primed);
                return new Environment(loader, handler, method, serialization, input, new ConcurrentHashMap<>());
            } catch (InvocationTargetException e) {
                throw FunctionException.initError(function, "failed to initialise", e.getCause());
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // RuntimeException too: Lambda's serializers wrap a class they cannot load in one.
                throw FunctionException.initError(function, "cannot load " + function.handler(), e);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }

        /** Runs the primers the handler registered with Kiosk's SnapStart and answers how many: none for other code. */
        private static int prime(ClassLoader loader) throws ReflectiveOperationException {
            Class<?> snapStart = kioskClass(SNAPSTART_CLASS, loader);
            return snapStart == null ? 0 : (int) snapStart.getMethod("runPrimers").invoke(null);
        }

        /** One of Kiosk's shared classes in the function's package, or null when the package is not Kiosk code. */
        private static Class<?> kioskClass(String name, ClassLoader loader) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException notKiosk) {
                return null;
            }
        }

        byte[] handle(byte[] event, Context context) throws Exception {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                if (handler instanceof RequestStreamHandler stream) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    stream.handleRequest(new ByteArrayInputStream(event), out, context);
                    return out.toByteArray();
                }
                Object in = input.fromJson(new ByteArrayInputStream(event));
                Object result = method.getParameterCount() == 2 ? method.invoke(handler, in, context) : method.invoke(handler, in);
                if (method.getReturnType() == void.class || result == null) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                outputs.computeIfAbsent(result.getClass(), serialization::serializer).toJson(result, out);
                return out.toByteArray();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }

        /**
         * Lambda's rule: the named public method; of overloads (a RequestHandler's bridge
         * method among them) the most specific, with a Context second if it takes two.
         */
        private static Method handlerMethod(Class<?> type, String name) throws NoSuchMethodException {
            return Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic() && !Modifier.isStatic(m.getModifiers()))
                    .filter(m -> m.getParameterCount() == 1 || m.getParameterCount() == 2
                            && Context.class.isAssignableFrom(m.getParameterTypes()[1])
                            || m.getParameterCount() == 3)
                    .max(Comparator.comparingInt(Method::getParameterCount))
                    .orElseThrow(() -> new NoSuchMethodException(type.getName() + "::" + name));
        }

        /**
         * A process cannot change its own environment, so the template's variables reach code
         * that reads them through Kiosk's Config, in this function's own copy of it. Code that
         * reads System.getenv directly sees the runtime's environment.
         */
        private static void overlayEnvironment(FunctionConfiguration function, ClassLoader loader) throws ReflectiveOperationException {
            Class<?> config = kioskClass(CONFIG_CLASS, loader);
            if (config == null) {
                return;
            }
            config.getMethod("overlayEnvironment", Map.class).invoke(null, new HashMap<>(function.environment()));
        }
    }

}
