package kiosk.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP function: Lambda hands it the event's bytes and {@link HttpEvents} reads them, so the
 * runtime never builds its POJO serializers (see there for what that saves). Handlers implement
 * the typed {@link #handleRequest(APIGatewayV2HTTPEvent, Context)}, which tests call directly.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    public abstract APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpEvents.write(handleRequest(HttpEvents.read(input), context), output);
    }

    /**
     * For a SnapStart primer: the whole path a request takes, the event's bytes read and the
     * answer written (then dropped), with no Lambda context.
     */
    protected final void prime(APIGatewayV2HTTPEvent event) {
        try {
            handleRequest(new ByteArrayInputStream(HttpEvents.toJson(event).getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
