package kiosk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kiosk.local.events.Scheduler;
import kiosk.local.function.FunctionException;

/** The runtime's own routes under /_local/: POST /_local/schedules/{name} fires a schedule now. */
final class LocalRoutes implements HttpHandler {

    static final String PREFIX = "/_local/";
    private static final String SCHEDULES = PREFIX + "schedules/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scheduler scheduler;

    LocalRoutes(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Answers the function's result, 404 for an unknown schedule or path, 500 when the function failed. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status;
        byte[] body;
        if (path.startsWith(SCHEDULES) && exchange.getRequestMethod().equals("POST")) {
            String name = path.substring(SCHEDULES.length());
            try {
                byte[] result = scheduler.fire(name);
                status = 200;
                body = result == null ? "null".getBytes(StandardCharsets.UTF_8) : result;
            } catch (IllegalArgumentException e) {
                status = 404;
                body = JSON.writeValueAsBytes(Map.of("message", e.getMessage()));
            } catch (FunctionException e) {
                status = 500;
                body = JSON.writeValueAsBytes(Map.of("errorType", e.errorType(), "errorMessage", String.valueOf(e.getMessage())));
            }
        } else {
            status = 404;
            body = JSON.writeValueAsBytes(Map.of("message", "the runtime's own paths: POST " + SCHEDULES + "{name}"));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
