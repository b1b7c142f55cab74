package kiosk.emulator;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * DynamoDB Local as it comes listens on every interface and takes any credentials. Before it
 * starts, its Jetty server (a private field, so reached by reflection: DynamoDB Local offers no
 * option) is bound to one interface and given a first handler that refuses requests not signed
 * with this start's access key.
 */
final class DynamoDbGuard extends Handler.Wrapper {

    private final AccessKeys keys;

    private DynamoDbGuard(Handler next, AccessKeys keys) {
        super(next);
        this.keys = keys;
    }

    static void install(DynamoDBProxyServer proxy, String host, AccessKeys keys) {
        Server server;
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            server = (Server) field.get(proxy);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this DynamoDB Local has no Jetty server field to guard; "
                    + "check DynamoDbGuard against its version", e);
        }
        ((ServerConnector) server.getConnectors()[0]).setHost(host);
        server.setHandler(new DynamoDbGuard(server.getHandler(), keys));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (keys.carriedBy(request.getHeaders().get(HttpHeader.AUTHORIZATION), request.getHttpURI().getQuery())) {
            return super.handle(request, response, callback);
        }
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-amz-json-1.0");
        Content.Sink.write(response, true, AccessKeys.refusal(), callback);
        return true;
    }
}
