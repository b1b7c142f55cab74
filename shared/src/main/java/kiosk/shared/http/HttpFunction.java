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
     * answer written (then dropped), with no Lambda context. A 5xx answer is a failed primer
     * (SnapStart counts and logs it): it took the path of a fault, not of a request, and would
     * log an error at every snapshot.
     */
    protected final void prime(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response;
        try {
            // As handleRequest(InputStream, OutputStream, Context) does, keeping the answer's status.
            response = handleRequest(HttpEvents.read(new ByteArrayInputStream(HttpEvents.toJson(event)
                    .getBytes(StandardCharsets.UTF_8))), null);
            HttpEvents.write(response, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException("the primer's request was answered " + response.getStatusCode());
        }
    }
}
