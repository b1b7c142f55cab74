package kiosk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import kiosk.local.events.QueuePoller;
import kiosk.local.events.Scheduler;
import kiosk.local.events.StreamPoller;
import kiosk.local.function.FunctionException;
import kiosk.local.stack.Stack;

/**
 * GET /_local/health: what GET /health answers (the template's HealthFunction, every table) and
 * this runtime's own parts: DynamoDB Local, ElasticMQ and the secrets endpoint answering, each
 * queue and stream consumer still polling, the schedules' next fire. 200 when all is well, 503
 * naming what is not.
 */
final class LocalHealth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;
    private final List<QueuePoller> queues;
    private final List<StreamPoller> streams;
    private final Scheduler scheduler;

    LocalHealth(Stack stack, List<QueuePoller> queues, List<StreamPoller> streams, Scheduler scheduler) {
        this.stack = stack;
        this.queues = queues;
        this.streams = streams;
        this.scheduler = scheduler;
    }

    /** The status and the JSON body. */
    record Answer(int status, byte[] body) {
    }

    Answer check() throws IOException {
        ObjectNode out = JSON.createObjectNode();
        boolean healthy = true;
        JsonNode api = api();
        healthy &= "ok".equals(api.path("status").asText());
        ObjectNode services = JSON.createObjectNode();
        healthy &= state(services, "dynamodb", () -> stack.aws().dynamoDb().listTables(b -> b.limit(1)));
        healthy &= state(services, "sqs", () -> stack.aws().sqs().listQueues());
        healthy &= state(services, "secretsManager", () -> connect(stack.aws().secretsEndpoint()));
        ObjectNode consumers = JSON.createObjectNode();
        for (QueuePoller poller : queues) {
            consumers.put(poller.source(), poller.alive() ? "polling" : "stopped");
            healthy &= poller.alive();
        }
        for (StreamPoller poller : streams) {
            consumers.put(poller.source(), poller.alive() ? "polling" : "stopped");
            healthy &= poller.alive();
        }
        ObjectNode schedules = JSON.createObjectNode();
        scheduler.schedules().values().forEach(s -> schedules.put(s.name(),
                s.enabled() ? "next " + scheduler.nextFire(s.name()) : "disabled"));
        out.put("status", healthy ? "ok" : "degraded");
        out.set("api", api);
        out.set("services", services);
        out.set("consumers", consumers);
        out.set("schedules", schedules);
        return new Answer(healthy ? 200 : 503, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
    }

    /** HealthFunction's answer, invoked with the event API Gateway would send for GET /health. */
    private JsonNode api() {
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "GET /health").put("rawPath", "/health")
                .put("rawQueryString", "");
        event.putObject("headers");
        ObjectNode context = event.putObject("requestContext").put("requestId", "local-health").put("routeKey", "GET /health")
                .put("stage", "$default");
        context.putObject("http").put("method", "GET").put("path", "/health").put("sourceIp", "127.0.0.1");
        try {
            JsonNode response = JSON.readTree(stack.invoke("HealthFunction", JSON.writeValueAsBytes(event)));
            return JSON.readTree(response.path("body").asText());
        } catch (IllegalArgumentException noFunction) {
            return JSON.createObjectNode().put("status", "unavailable").put("reason", "the template has no HealthFunction");
        } catch (FunctionException | Stack.ThrottledException | IOException failed) {
            return JSON.createObjectNode().put("status", "unavailable").put("reason", "HealthFunction failed: " + failed.getMessage());
        }
    }

    private static boolean state(ObjectNode into, String name, Runnable probe) {
        try {
            probe.run();
            into.put(name, "ok");
            return true;
        } catch (RuntimeException e) {
            into.put(name, "unavailable");
            return false;
        }
    }

    private static void connect(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1000);
        } catch (IOException e) {
            throw new IllegalStateException("no answer at " + endpoint, e);
        }
    }
}
