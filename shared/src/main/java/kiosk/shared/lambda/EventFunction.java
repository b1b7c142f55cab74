package kiosk.shared.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kiosk.shared.json.JsonValues;
import kiosk.shared.json.JsonWriter;

/**
 * A function fed by an event source (a queue, a schedule) or by the HTTP API's authorizer call:
 * Lambda hands it the event's bytes, {@link JsonValues} reads them into a map and
 * {@link JsonWriter} writes the answer. As a {@code RequestHandler<Map, ...>} Lambda's runtime
 * client would build its own serialization library for it at init (its shaded Jackson databind
 * and Lambda's event mix-ins), and parse and write every event with that, a path no primer can
 * reach: the authorizer's first request after priming loaded 80 of those classes. Handlers
 * implement the typed {@link #handleRequest(Map, Context)}, which tests call directly.
 */
public abstract class EventFunction implements RequestStreamHandler {

    /** The answer: a map, a record, a list or null, written as JSON (null members left out). */
    public abstract Object handleRequest(Map<String, Object> event, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        write(handleRequest(JsonValues.readObject(input), context), output);
    }

    /** For a SnapStart primer: the event's bytes read and the answer written (then dropped), as a real event's are. */
    protected final void prime(Map<String, Object> event) {
        try {
            byte[] bytes = JsonWriter.write(event).getBytes(StandardCharsets.UTF_8);
            write(handleRequest(JsonValues.readObject(new ByteArrayInputStream(bytes)), null), OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Object answer, OutputStream output) throws IOException {
        output.write(JsonWriter.write(answer).getBytes(StandardCharsets.UTF_8));
    }
}
