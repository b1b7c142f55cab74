package kiosk.local.function;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Lambda's serialization library, with which its Java runtime turns JSON into handler types and
 * back, loaded afresh for each function as Lambda loads it once per execution environment. One
 * copy shared by every function would share its static state, and that state caches the classes
 * it loads through a function's class loader by name alone: the Joda-Time of one package would
 * serve every other, and a package without it would work here and fail on Lambda.
 */
final class Serialization {

    private static final URL LIBRARY = PojoSerializer.class.getProtectionDomain().getCodeSource().getLocation();
    private static final String PACKAGE = "com.amazonaws.services.lambda.runtime.serialization.";

    private final ClassLoader function;
    private final Method isSupportedEvent;
    private final Method eventSerializer;
    private final Object jackson;
    private final Method jacksonSerializer;
    private final Method fromJson;
    private final Method toJson;

    Serialization(String name, ClassLoader function) throws ReflectiveOperationException {
        this.function = function;
        // Over the JDK alone: the library brings its own (shaded) Jackson and needs nothing else.
        ClassLoader library = new URLClassLoader(name + "-serialization", new URL[] {LIBRARY}, ClassLoader.getPlatformClassLoader());
        Class<?> events = Class.forName(PACKAGE + "events.LambdaEventSerializers", true, library);
        Class<?> factory = Class.forName(PACKAGE + "factories.JacksonFactory", true, library);
        Class<?> serializer = Class.forName(PACKAGE + "PojoSerializer", true, library);
        this.isSupportedEvent = events.getMethod("isLambdaSupportedEvent", String.class);
        this.eventSerializer = events.getMethod("serializerFor", Class.class, ClassLoader.class);
        this.jackson = factory.getMethod("getInstance").invoke(null);
        this.jacksonSerializer = factory.getMethod("getSerializer", Type.class);
        this.fromJson = serializer.getMethod("fromJson", InputStream.class);
        this.toJson = serializer.getMethod("toJson", Object.class, OutputStream.class);
    }

    /**
     * As Lambda's Java runtime chooses: the event types it lists as supported through their own
     * serializers (mixins, Joda dates), anything else, APIGatewayV2HTTPEvent included, through its
     * plain Jackson.
     */
    Serializer serializer(Type type) {
        if (type instanceof Class<?> cls && (boolean) call(isSupportedEvent, null, cls.getName())) {
            return new Serializer(call(eventSerializer, null, cls, function));
        }
        return new Serializer(call(jacksonSerializer, jackson, type));
    }

    /** One type's serializer. */
    final class Serializer {

        private final Object target;

        private Serializer(Object target) {
            this.target = target;
        }

        Object fromJson(InputStream in) {
            return call(fromJson, target, in);
        }

        void toJson(Object value, OutputStream out) {
            call(toJson, target, value, out);
        }
    }

    /** The library's own exceptions as they are thrown, as if it were called directly. */
    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call Lambda's serialization library", e);
        }
    }
}
