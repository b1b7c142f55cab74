package kiosk.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kiosk.shared.config.Config;
import kiosk.shared.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream previousOut;
    private Log.Level previousLevel;

    @BeforeEach
    void capture() {
        previousOut = Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        previousLevel = Log.setLevel(Log.Level.INFO);
    }

    @AfterEach
    void restore() {
        Log.redirect(previousOut);
        Log.setLevel(previousLevel);
        Config.overlayEnvironment(Map.of());
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneParsableJsonLineWhateverTheFieldsHold() throws Exception {
        String hostile = "quote\" backslash\\ newline\n tab\t nul\u0000 sep\u2028 end";
        try (Log.Scope ignored = Log.invocation(new TestContext("lambda-1", null), "api-1")) {
            Log.info(hostile, "field", hostile, "count", 3, "flag", true);
        }
        assertEquals(1, output().strip().split("\n").length, output());
        JsonNode line = Json.MAPPER.readTree(output());
        assertEquals(hostile, line.path("message").asText());
        assertEquals(hostile, line.path("field").asText());
        assertEquals(3, line.path("count").asInt());
        assertEquals(true, line.path("flag").asBoolean());
        assertEquals("lambda-1", line.path("requestId").asText());
        assertEquals("INFO", line.path("level").asText());
    }

    @Test
    void anInvocationsLinesCarryItsTraceAndWhetherItIsTheColdStart() throws Exception {
        Log.restored();
        String header = "Root=1-6741f2a0-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
        try (Log.Scope first = Log.invocation(new TestContext("lambda-3", header), "api-3")) {
            Log.info("first");
        }
        try (Log.Scope priming = Log.invocation(null, null)) {
            Log.info("priming: no context, no invocation");
        }
        try (Log.Scope second = Log.invocation(new TestContext("lambda-4", null), "api-4")) {
            Log.info("second");
        }
        Log.restored();
        try (Log.Scope restored = Log.invocation(new TestContext("lambda-5", null), "api-5")) {
            Log.info("after a restore");
        }
        String[] lines = output().strip().split("\n");
        JsonNode first = Json.MAPPER.readTree(lines[0]);
        assertEquals("1-6741f2a0-0123456789abcdef01234567", first.path("traceId").asText());
        assertTrue(first.path("coldStart").asBoolean());
        assertTrue(Json.MAPPER.readTree(lines[1]).path("coldStart").isMissingNode(), lines[1]);
        assertFalse(Json.MAPPER.readTree(lines[2]).path("coldStart").asBoolean(true), lines[2]);
        assertTrue(Json.MAPPER.readTree(lines[3]).path("coldStart").asBoolean(), "a restored snapshot starts cold: " + lines[3]);
    }

    @Test
    void tagsJoinEveryLineOfTheirScopeAndLeaveWithIt() throws Exception {
        try (Log.Scope request = Log.invocation(new TestContext("lambda-2", null), null)) {
            assertEquals("lambda-2", Log.requestId().orElseThrow());
            try (Log.Scope order = Log.tag("orderId", "o-1", "checkoutRequestId", "lambda-1")) {
                Log.info("inside", "orderId", "o-1", "count", 2);
            }
            Log.info("outside");
        }
        assertTrue(Log.requestId().isEmpty());
        String[] lines = output().strip().split("\n");
        assertEquals(1, lines[0].split("\"orderId\"", -1).length - 1, "a field a tag wrote is not written again: " + lines[0]);
        JsonNode inside = Json.MAPPER.readTree(lines[0]);
        assertEquals(2, inside.path("count").asInt());
        assertEquals("o-1", inside.path("orderId").asText());
        assertEquals("lambda-1", inside.path("checkoutRequestId").asText());
        assertEquals("lambda-2", inside.path("requestId").asText());
        assertTrue(Json.MAPPER.readTree(lines[1]).path("orderId").isMissingNode(), lines[1]);
    }

    @Test
    void aTestSetsTheLevelAndLinesBelowItAreDropped() {
        Log.debug("hidden at INFO");
        Log.setLevel(Log.Level.DEBUG);
        Log.debug("shown at DEBUG");
        Log.setLevel(Log.Level.WARN);
        Log.info("hidden at WARN");
        Log.warn("shown at WARN");
        assertEquals(2, output().strip().split("\n").length, output());
        assertTrue(output().contains("shown at DEBUG") && output().contains("shown at WARN"), output());
    }

    @Test
    void theLevelComesFromTheFunctionsOwnEnvironmentAsAnInProcessRunnerGivesIt() {
        Config.overlayEnvironment(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR", "LOG_LEVEL", "DEBUG"));
        assertEquals(Log.Level.ERROR, Log.configured(), "Lambda's variable first");
        Config.overlayEnvironment(Map.of("LOG_LEVEL", "debug"));
        assertEquals(Log.Level.DEBUG, Log.configured());
        Config.overlayEnvironment(Map.of("AWS_LAMBDA_LOG_LEVEL", "FATAL"));
        assertEquals(Log.Level.ERROR, Log.configured());
    }

    @Test
    void theSdksSlf4jWarningsBecomeLogLinesAndItsChatterIsDropped() throws Exception {
        assertEquals(Slf4jProvider.class, LoggerFactory.getLogger("software.amazon.awssdk.Test").getClass().getEnclosingClass(),
                "bound to Kiosk's provider, not to SLF4J's NOP fallback that prints its notice first");
        var sdk = LoggerFactory.getLogger("software.amazon.awssdk.core.Retry");
        sdk.debug("request {} sent", 1);
        sdk.info("connection pooled");
        sdk.warn("retrying {} after {} ms", "GetItem", 50);
        JsonNode line = Json.MAPPER.readTree(output());
        assertEquals("WARN", line.path("level").asText());
        assertEquals("retrying GetItem after 50 ms", line.path("message").asText());
        assertEquals("software.amazon.awssdk.core.Retry", line.path("logger").asText());
        assertEquals(1, output().strip().split("\n").length, output());
    }
}
