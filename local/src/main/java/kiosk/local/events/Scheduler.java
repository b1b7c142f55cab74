package kiosk.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint.Schedule;

/**
 * Fires the template's Schedule and ScheduleV2 events: each enabled schedule invokes its function
 * at the times its rate() or cron() expression gives, with the template's Input when there is one
 * and otherwise the "Scheduled Event" EventBridge sends. {@link #fire} runs one now, for testing.
 */
public final class Scheduler implements AutoCloseable {

    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, ScheduleExpression> expressions = new LinkedHashMap<>();
    private final Invoker functions;
    private final String region;
    private final String account;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("schedules").factory());

    public Scheduler(Iterable<Schedule> declared, Invoker functions, String region, String account,
            PrintStream log) {
        this.functions = functions;
        this.region = region;
        this.account = account;
        this.log = log;
        for (Schedule schedule : declared) {
            schedules.put(schedule.name(), schedule);
            expressions.put(schedule.name(), ScheduleExpression.parse(schedule.expression(), schedule.timezone()));
        }
    }

    public Map<String, Schedule> schedules() {
        return Map.copyOf(schedules);
    }

    /** When each enabled schedule fires next, for the start-up table. */
    public ZonedDateTime nextFire(String name) {
        return expressions.get(name).next(ZonedDateTime.now(ZoneOffset.UTC));
    }

    public void start() {
        schedules.values().stream().filter(Schedule::enabled).forEach(s -> plan(s, ZonedDateTime.now(ZoneOffset.UTC)));
    }

    private void plan(Schedule schedule, ZonedDateTime after) {
        ZonedDateTime next = expressions.get(schedule.name()).next(after);
        long delay = Math.max(0, ChronoUnit.MILLIS.between(ZonedDateTime.now(ZoneOffset.UTC), next));
        timer.schedule(() -> {
            Thread.ofVirtual().start(() -> fire(schedule.name()));
            plan(schedule, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Invokes a schedule's function now, as the schedule would; returns the function's result. */
    public byte[] fire(String name) {
        return fire(name, null);
    }

    /**
     * Invokes a schedule's function now with {@code input} as its event (a JSON object, as
     * {@code aws lambda invoke --payload} would send it), or the schedule's own event when null.
     */
    public byte[] fire(String name, byte[] input) {
        Schedule schedule = schedules.get(name);
        if (schedule == null) {
            throw new IllegalArgumentException("no schedule " + name + "; there are " + schedules.keySet());
        }
        try {
            byte[] result = functions.invoke(schedule.functionId(), input == null ? event(schedule) : input);
            log.printf("schedule %s fired %s%n", name, schedule.functionId());
            return result;
        } catch (FunctionException e) {
            log.printf("schedule %s: %s failed: %s%n", name, schedule.functionId(), e.getMessage());
            throw e;
        }
    }

    private byte[] event(Schedule schedule) {
        try {
            if (schedule.input() != null) {
                return schedule.input() instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : json.writeValueAsBytes(schedule.input());
            }
            ObjectNode event = json.createObjectNode();
            event.put("version", "0");
            event.put("id", UUID.randomUUID().toString());
            event.put("detail-type", "Scheduled Event");
            event.put("source", schedule.scheduler() ? "aws.scheduler" : "aws.events");
            event.put("account", account);
            event.put("time", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            event.put("region", region);
            event.putArray("resources").add(schedule.scheduler()
                    ? "arn:aws:scheduler:" + region + ":" + account + ":schedule/default/" + schedule.name()
                    : "arn:aws:events:" + region + ":" + account + ":rule/" + schedule.name());
            event.putObject("detail");
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a scheduled event", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
