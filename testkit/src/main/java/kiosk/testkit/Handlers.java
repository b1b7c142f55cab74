package kiosk.testkit;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kiosk.emulator.FunctionConfiguration;
import kiosk.shared.json.JsonValues;

/**
 * A function's handler as Lambda builds it: the class its configuration names, constructed with
 * its public no-argument constructor (the one that wires the defaults).
 */
public final class Handlers {

    private Handlers() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T construct(FunctionConfiguration function) {
        String handler = function.handler();
        int method = handler.indexOf("::");
        String type = method < 0 ? handler : handler.substring(0, method);
        try {
            return (T) Class.forName(type).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(function.logicalId() + ": cannot construct " + type, e);
        }
    }

    /**
     * Hands an event's JSON to a stream handler as Lambda's runtime client does, bytes in and bytes
     * out, and reads the answer back as a map (null for a JSON null).
     */
    public static Map<String, Object> invoke(Object handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ((RequestStreamHandler) handler).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return JsonValues.readObject(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
