package kiosk.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint.StreamSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A DynamoDB stream event source mapping: reads each shard of a table's stream in order (a parent
 * before its children), hands its records to the function in batches of up to BatchSize as
 * Lambda's DynamoDB event, and moves on only when the function succeeded. What follows a failure
 * is Lambda's contract for streams: the batch is tried again (with ReportBatchItemFailures, from
 * the first record reported), up to MaximumRetryAttempts (-1: for as long as the records live),
 * and then skipped, its position sent to the OnFailure queue if there is one. Where each shard was
 * read up to is kept in {@link StreamPositions}, so a restart neither loses nor repeats a batch
 * that was done.
 */
public final class StreamPoller extends EventSourcePoller {

    /** Lambda reads a shard about four times a second. */
    private static final long IDLE_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final StreamSource source;
    private final String streamArn;
    private final String region;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final String onFailureQueueUrl;
    private final Invoker functions;
    private final StreamPositions positions;
    private final ObjectMapper json = new ObjectMapper();
    /** The next iterator of each shard being read; a shard without one starts again from its kept position. */
    private final Map<String, String> iterators = new HashMap<>();

    public StreamPoller(StreamSource source, String streamArn, String region, DynamoDbStreamsClient streams, SqsClient sqs,
            String onFailureQueueUrl, Invoker functions, StreamPositions positions, PrintStream log) {
        super("stream-" + source.tableId() + "-" + source.functionId(), log);
        this.source = source;
        this.streamArn = streamArn;
        this.region = region;
        this.streams = streams;
        this.sqs = sqs;
        this.onFailureQueueUrl = onFailureQueueUrl;
        this.functions = functions;
        this.positions = positions;
    }

    private String key() {
        return source.functionId() + " " + streamArn;
    }

    @Override
    protected boolean round() {
        return pollOnce();
    }

    @Override
    protected long idleMillis() {
        return IDLE_MILLIS;
    }

    @Override
    protected String describe() {
        return source.functionId() + " <- " + source.tableId() + " stream";
    }

    /**
     * One pass over the shards that are ready (open or unfinished, parent done): delivers at most
     * one batch from each. Answers whether any records were found. Public for tests, which call it
     * instead of starting the thread.
     */
    public boolean pollOnce() {
        boolean found = false;
        for (Shard shard : readyShards()) {
            found |= pollShard(shard);
        }
        return found;
    }

    private List<Shard> readyShards() {
        List<Shard> all = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription();
            all.addAll(description.shards());
            after = description.lastEvaluatedShardId();
        } while (after != null);
        List<String> ids = all.stream().map(Shard::shardId).toList();
        List<Shard> ready = new ArrayList<>();
        for (Shard shard : all) {
            boolean parentDone = shard.parentShardId() == null || !ids.contains(shard.parentShardId())
                    || positions.finished(key(), shard.parentShardId());
            if (parentDone && !positions.finished(key(), shard.shardId())) {
                ready.add(shard);
            }
        }
        return ready;
    }

    private synchronized boolean pollShard(Shard shard) {
        String iterator = iterators.containsKey(shard.shardId()) ? iterators.remove(shard.shardId()) : iterator(shard);
        GetRecordsResponse response;
        try {
            response = streams.getRecords(b -> b.shardIterator(iterator).limit(source.batchSize()));
        } catch (ExpiredIteratorException e) {
            return false; // a new iterator from the kept position next time
        } catch (TrimmedDataAccessException e) {
            String kept = positions.after(key(), shard.shardId());
            if (kept != null) {
                // Records after the kept position are gone unread (older than the stream keeps them):
                // as Lambda does, say where, in the log and to the OnFailure queue.
                log.printf("%s <- %s stream: records of shard %s after %s expired before they were read%n",
                        source.functionId(), source.tableId(), shard.shardId(), kept);
                lost(shard, kept);
            }
            positions.trimmed(key(), shard.shardId());
            return false;
        }
        List<Record> records = response.records();
        if (!records.isEmpty() && !deliver(shard, records)) {
            return true; // stopped part way: the kept position is where to start again
        }
        if (response.nextShardIterator() != null) {
            iterators.put(shard.shardId(), response.nextShardIterator());
        } else if (records.isEmpty()) {
            positions.finish(key(), shard.shardId()); // closed and read to its end: its children come next
        }
        return !records.isEmpty();
    }

    private String iterator(Shard shard) {
        String after = positions.after(key(), shard.shardId());
        if (after != null) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
        }
        // A shard never read: from its start, unless this mapping starts at LATEST and the shard was
        // there when it first started (a child shard, made later, is read from its start).
        ShardIteratorType type = source.startingPosition().equals("LATEST") && !positions.started(key())
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        positions.start(key());
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId()).shardIteratorType(type))
                .shardIterator();
    }

    /**
     * Hands the records over until the function takes them all, or the retries run out; false
     * only when the poller was stopped first.
     */
    private boolean deliver(Shard shard, List<Record> records) {
        List<Record> left = records;
        long backoff = 500;
        for (int attempt = 0; running(); attempt++) {
            String firstFailed = invoke(left);
            if (firstFailed == null) {
                positions.advance(key(), shard.shardId(), left.get(left.size() - 1).dynamodb().sequenceNumber());
                return true;
            }
            int from = indexOf(left, firstFailed);
            if (from > 0) {
                // Lambda checkpoints the records before the one reported and retries from there.
                positions.advance(key(), shard.shardId(), left.get(from - 1).dynamodb().sequenceNumber());
                left = left.subList(from, left.size());
            }
            if (source.maximumRetryAttempts() >= 0 && attempt >= source.maximumRetryAttempts()) {
                giveUp(shard, left);
                positions.advance(key(), shard.shardId(), left.get(left.size() - 1).dynamodb().sequenceNumber());
                return true;
            }
            pause(backoff);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
        return false;
    }

    /** Null when the function took the batch; else the sequence number to try again from. */
    private String invoke(List<Record> batch) {
        String first = batch.get(0).dynamodb().sequenceNumber();
        byte[] result;
        try {
            result = functions.invoke(source.functionId(), event(batch));
        } catch (FunctionException e) {
            log.printf("%s <- %s stream: %d record(s) to be tried again (%s)%n", source.functionId(), source.tableId(),
                    batch.size(), e.timedOut() ? "timed out" : e.getMessage());
            return first;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a DynamoDB stream event", e);
        }
        if (!source.reportBatchItemFailures() || result == null) {
            return null;
        }
        JsonNode answer;
        try {
            answer = json.readTree(result);
        } catch (IOException e) {
            return first;
        }
        if (answer == null || answer.isNull() || !answer.has("batchItemFailures")) {
            return null;
        }
        // The earliest record reported: Lambda retries from it. One it cannot place fails the batch.
        String earliest = null;
        int earliestIndex = Integer.MAX_VALUE;
        for (JsonNode failure : answer.path("batchItemFailures")) {
            String id = failure.path("itemIdentifier").asText("");
            int index = indexOf(batch, id);
            if (index < 0) {
                log.printf("%s <- %s stream: batchItemFailures names %s, not a record of the batch; the whole batch "
                        + "is tried again%n", source.functionId(), source.tableId(), id.isEmpty() ? "nothing" : id);
                return first;
            }
            if (index < earliestIndex) {
                earliestIndex = index;
                earliest = id;
            }
        }
        if (earliest != null) {
            log.printf("%s <- %s stream: %d of %d record(s) to be tried again%n", source.functionId(), source.tableId(),
                    batch.size() - earliestIndex, batch.size());
        }
        return earliest;
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    /** Retries exhausted: the records are skipped, and where they were goes to the OnFailure queue. */
    private void giveUp(Shard shard, List<Record> records) {
        log.printf("%s <- %s stream: %d record(s) skipped after %d retries%s%n", source.functionId(), source.tableId(),
                records.size(), source.maximumRetryAttempts(), onFailureQueueUrl == null ? "" : "; their position sent to "
                        + source.onFailureQueueId());
        if (onFailureQueueUrl != null) {
            sendOnFailure("RetryAttemptsExhausted", source.maximumRetryAttempts() + 1, shard, info -> {
                info.put("startSequenceNumber", records.get(0).dynamodb().sequenceNumber());
                info.put("endSequenceNumber", records.get(records.size() - 1).dynamodb().sequenceNumber());
                info.put("batchSize", records.size());
            });
        }
    }

    /** Records after {@code after} expired unread: where they were goes to the OnFailure queue, if any. */
    private void lost(Shard shard, String after) {
        if (onFailureQueueUrl != null) {
            sendOnFailure("RecordAgeExceeded", 0, shard, info -> info.put("afterSequenceNumber", after));
        }
    }

    /**
     * Sends the OnFailure record Lambda sends for a stream: why, how often the batch was tried (when
     * that counts), and in its DDBStreamBatchInfo the shard and whatever {@code records} says of them.
     */
    private void sendOnFailure(String condition, int invokeCount, Shard shard, Consumer<ObjectNode> records) {
        ObjectNode message = json.createObjectNode();
        ObjectNode context = message.putObject("requestContext").put("condition", condition);
        if (invokeCount > 0) {
            context.put("approximateInvokeCount", invokeCount);
        }
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shard.shardId());
        records.accept(info);
        info.put("streamArn", streamArn);
        sqs.sendMessage(b -> b.queueUrl(onFailureQueueUrl).messageBody(message.toString()));
    }

    /** The DynamodbEvent Lambda builds: one record per change, images in DynamoDB's attribute-value JSON. */
    private byte[] event(List<Record> batch) throws IOException {
        ObjectNode event = json.createObjectNode();
        ArrayNode out = event.putArray("Records");
        for (Record record : batch) {
            ObjectNode r = out.addObject();
            r.put("eventID", record.eventID());
            r.put("eventName", record.eventNameAsString());
            r.put("eventVersion", record.eventVersion());
            r.put("eventSource", "aws:dynamodb");
            r.put("awsRegion", region);
            ObjectNode change = r.putObject("dynamodb");
            if (record.dynamodb().approximateCreationDateTime() != null) {
                change.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
            }
            change.set("Keys", image(record.dynamodb().keys()));
            if (record.dynamodb().hasNewImage()) {
                change.set("NewImage", image(record.dynamodb().newImage()));
            }
            if (record.dynamodb().hasOldImage()) {
                change.set("OldImage", image(record.dynamodb().oldImage()));
            }
            change.put("SequenceNumber", record.dynamodb().sequenceNumber());
            change.put("SizeBytes", record.dynamodb().sizeBytes());
            change.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
            r.put("eventSourceARN", streamArn);
        }
        return json.writeValueAsBytes(event);
    }

    private ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode out = json.createObjectNode();
        item.forEach((name, value) -> out.set(name, value(value)));
        return out;
    }

    private ObjectNode value(AttributeValue v) {
        ObjectNode out = json.createObjectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case SS -> v.ss().forEach(out.putArray("SS")::add);
            case NS -> v.ns().forEach(out.putArray("NS")::add);
            case BS -> v.bs().forEach(b -> out.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
            case M -> out.set("M", image(v.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(item -> list.add(value(item)));
            }
            default -> throw new IllegalStateException("an attribute value of a type this SDK does not know: " + v);
        }
        return out;
    }
}
