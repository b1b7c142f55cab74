package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import kiosk.local.events.StreamPoller;
import kiosk.local.events.StreamPositions;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint.StreamSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The runtime's DynamoDB stream event source against DynamoDB Local's stream of the template's
 * OrdersTable, with a stand-in function: records arrive in order as Lambda's event; a failed
 * batch comes back whole, a partial failure from the record reported; positions survive a new
 * poller; retries run out into the OnFailure queue.
 */
class StreamPollerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAws aws;
    private static String table;
    private static String streamArn;

    @TempDir
    Path folder;
    private final List<List<String>> batches = new ArrayList<>();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        aws = LocalAws.start(Template.project(), LocalAws.Options.TESTS);
        table = aws.tableName("OrdersTable");
        streamArn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @BeforeEach
    void readEverythingEarlierFirst() {
        // Each test starts where the stream ends: a LATEST mapping on a fresh positions file.
        StreamPoller skip = poller(source(1000, "LATEST", true, -1, null), StreamPositions.inMemory(), (id, e) -> null);
        skip.pollOnce();
        batches.clear();
    }

    private static StreamSource source(int batch, String from, boolean partial, int retries, String onFailure) {
        return new StreamSource("AnnounceOrdersFunction", "OrdersTable", from, batch, partial, retries, onFailure, true);
    }

    private StreamPoller poller(StreamSource source, StreamPositions positions, Invoker function) {
        return new StreamPoller(source, streamArn, LocalAws.REGION, aws.dynamoDbStreams(), aws.sqs(),
                source.onFailureQueueId() == null ? null : aws.queueUrl(source.onFailureQueueId()), function, positions,
                new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    /** A function that records each batch's order ids and answers what {@code answer} makes of them. */
    private Invoker recording(Function<List<JsonNode>, String> answer) {
        return (id, event) -> {
            try {
                List<JsonNode> records = new ArrayList<>();
                JSON.readTree(event).path("Records").forEach(records::add);
                batches.add(records.stream().map(r -> r.at("/dynamodb/NewImage/orderId/S").asText()).toList());
                String result = answer.apply(records);
                return result == null ? null : result.getBytes(StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static List<String> insert(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "o-" + UUID.randomUUID();
            aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS(id),
                    "userId", AttributeValue.fromS("u"), "status", AttributeValue.fromS("PENDING_PAYMENT"),
                    "createdAt", AttributeValue.fromS("2026-11-21T10:00:00.000Z"), "total", AttributeValue.fromN("100"))));
            ids.add(id);
        }
        return ids;
    }

    private static void pollUntilQuiet(StreamPoller poller) {
        for (int i = 0; i < 20 && poller.pollOnce(); i++) {
            // each pass hands over at most one batch per shard
        }
    }

    @Test
    void recordsArriveInOrderAsLambdasEventInBatchesOfBatchSize() throws Exception {
        List<String> ids = insert(5);
        pollUntilQuiet(poller(source(2, "TRIM_HORIZON", true, -1, null), StreamPositions.inMemory(), recording(r -> {
            JsonNode first = r.get(0);
            assertEquals("INSERT", first.get("eventName").asText());
            assertEquals("aws:dynamodb", first.get("eventSource").asText());
            assertEquals(streamArn, first.get("eventSourceARN").asText());
            assertEquals("100", first.at("/dynamodb/NewImage/total/N").asText());
            assertEquals("NEW_AND_OLD_IMAGES", first.at("/dynamodb/StreamViewType").asText());
            return null;
        })));
        List<String> seen = batches.stream().flatMap(List::stream).toList();
        assertEquals(ids, seen.subList(seen.size() - 5, seen.size()));
        assertTrue(batches.stream().allMatch(b -> b.size() <= 2), batches.toString());
    }

    @Test
    void aFailedBatchComesBackWholeAndAPartialFailureFromTheRecordReported() {
        int[] calls = {0};
        StreamPoller poller = poller(source(10, "LATEST", true, -1, null), StreamPositions.inMemory(), recording(records -> {
            calls[0]++;
            if (calls[0] == 1) {
                throw FunctionException.error(new IllegalStateException("SQS is down"));
            }
            if (calls[0] == 2) { // the first two went out; the third did not
                return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + records.get(2).at("/dynamodb/SequenceNumber").asText()
                        + "\"}]}";
            }
            return "{\"batchItemFailures\":[]}";
        }));
        // LATEST on a first start: only what comes after it started.
        poller.pollOnce();
        batches.clear();
        calls[0] = 0;
        List<String> later = insert(4);
        pollUntilQuiet(poller);
        assertEquals(List.of(later, later, later.subList(2, 4)), batches, "whole, whole, then from the third");
    }

    @Test
    void aNewPollerOnTheSamePositionsFileTakesUpWhereTheLastStopped() throws Exception {
        Path file = folder.resolve("stream-positions.json");
        insert(3);
        pollUntilQuiet(poller(source(100, "TRIM_HORIZON", false, -1, null), StreamPositions.in(file), recording(r -> null)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        batches.clear();
        List<String> after = insert(2);
        pollUntilQuiet(poller(source(100, "TRIM_HORIZON", false, -1, null), StreamPositions.in(file), recording(r -> null)));
        assertEquals(List.of(after), batches, "only what came after, nothing twice");
    }

    @Test
    void aPositionsFileThatIsNotWhatTheRuntimeWritesIsRefusedAtStartNotMetLater() throws Exception {
        Path file = folder.resolve("stream-positions.json");
        for (String tampered : List.of("null", "{\"m\": null}", "{\"m\": {\"after\": {\"shard\": \"abc\"}, \"finished\": []}}",
                "{\"m\": {\"after\": null, \"finished\": []}}", "[]", "")) {
            Files.writeString(file, tampered);
            UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> StreamPositions.in(file), tampered);
            assertTrue(refused.getMessage().contains("delete it to read every stream from its start again"), tampered);
        }
    }

    @Test
    void aPositionThatCannotBeKeptDoesNotEndTheReadingThatGoesOnOnceItCanBe() throws Exception {
        // The positions file cannot be written (a folder with something in it stands where it goes).
        Path file = folder.resolve("stream-positions.json");
        StreamPoller poller = poller(source(100, "LATEST", false, -1, null), StreamPositions.in(file), recording(r -> null));
        poller.pollOnce();
        batches.clear();
        Files.delete(file);
        Files.createDirectories(file.resolve("in-the-way"));
        List<String> ids = insert(2);
        poller.start();
        try {
            for (int i = 0; i < 100 && !logged.toString(StandardCharsets.UTF_8).contains("stopped by"); i++) {
                Thread.sleep(100);
            }
            assertTrue(logged.toString(StandardCharsets.UTF_8).contains("cannot keep the stream positions"), logged::toString);
            try (var left = Files.list(folder)) {
                assertEquals(List.of(file), left.toList(), "no temporary file left behind");
            }
            Files.delete(file.resolve("in-the-way"));
            Files.delete(file);
            List<String> later = insert(1);
            for (int i = 0; i < 150 && !(Files.isRegularFile(file) && batches.stream().anyMatch(b -> b.containsAll(later)));
                    i++) {
                Thread.sleep(100);
            }
            assertTrue(batches.stream().anyMatch(b -> b.containsAll(later)), "still reading: " + batches);
            assertTrue(batches.stream().flatMap(List::stream).toList().containsAll(ids), batches.toString());
            assertTrue(Files.isRegularFile(file), "kept again");
        } finally {
            poller.close();
        }
    }

    @Test
    void retriesRunOutIntoTheOnFailureQueueAndTheStreamMovesOn() throws Exception {
        String failures = aws.queueUrl("AnnouncementFailuresQueue");
        aws.sqs().purgeQueue(b -> b.queueUrl(failures));
        StreamPoller poller = poller(source(10, "LATEST", false, 1, "AnnouncementFailuresQueue"), StreamPositions.inMemory(),
                recording(r -> {
                    throw FunctionException.error(new IllegalStateException("always"));
                }));
        poller.pollOnce();
        batches.clear();
        List<String> ids = insert(2);
        pollUntilQuiet(poller);
        assertEquals(List.of(ids, ids), batches, "tried, retried once, then skipped");
        List<String> bodies = new ArrayList<>();
        aws.sqs().receiveMessage(b -> b.queueUrl(failures).waitTimeSeconds(1)).messages().forEach(m -> bodies.add(m.body()));
        assertEquals(1, bodies.size(), bodies::toString);
        JsonNode info = JSON.readTree(bodies.get(0)).get("DDBStreamBatchInfo");
        assertEquals(2, info.get("batchSize").asInt());
        assertEquals(streamArn, info.get("streamArn").asText());
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("skipped after 1 retries"), logged::toString);
    }
}
