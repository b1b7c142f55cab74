package kiosk.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiosk.local.function.FunctionException;
import kiosk.local.function.Invoker;
import kiosk.local.stack.Blueprint.QueueSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: long-polls its queue, gathers up to BatchSize messages within
 * MaximumBatchingWindowInSeconds, and invokes the function with an SQSEvent. What happens next is
 * Lambda's contract, with ElasticMQ doing the queue's part: a success deletes the batch; with
 * ReportBatchItemFailures only the messages not reported are deleted (an unreadable report fails
 * the whole batch); an error or timeout deletes nothing, so the batch comes back after the
 * visibility timeout, and the queue's redrive policy moves a message to its DLQ after
 * maxReceiveCount receives.
 */
public final class QueuePoller extends EventSourcePoller {

    /** SQS's own cap per ReceiveMessage call. */
    private static final int RECEIVE_MAX = 10;
    private static final int LONG_POLL_SECONDS = 1;

    private final QueueSource source;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final Invoker functions;
    private final ObjectMapper json = new ObjectMapper();

    public QueuePoller(QueueSource source, String queueUrl, String queueArn, String region, SqsClient sqs,
            Invoker functions, PrintStream log) {
        super("sqs-" + source.queueId() + "-" + source.functionId(), log);
        this.source = source;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.functions = functions;
    }

    @Override
    protected boolean round() {
        List<Message> batch = gather();
        if (!batch.isEmpty()) {
            deliver(batch);
        }
        return !batch.isEmpty();
    }

    /** A long poll waits on its own. */
    @Override
    protected long idleMillis() {
        return 0;
    }

    @Override
    protected String describe() {
        return source.functionId() + " <- " + source.queueId();
    }

    /**
     * One long poll; once something arrives, more receives until the batch is full, and then
     * either the batching window closes or (with no window) the queue has nothing more right now.
     */
    private List<Message> gather() {
        List<Message> batch = new ArrayList<>(receive(source.batchSize(), LONG_POLL_SECONDS));
        long closes = System.nanoTime() + source.windowSeconds() * 1_000_000_000L;
        while (running() && !batch.isEmpty() && batch.size() < source.batchSize()) {
            long left = closes - System.nanoTime();
            if (source.windowSeconds() > 0 && left <= 0) {
                break;
            }
            int wait = source.windowSeconds() == 0 ? 0 : (int) Math.min(LONG_POLL_SECONDS, left / 1_000_000_000L);
            List<Message> more = receive(source.batchSize() - batch.size(), wait);
            if (more.isEmpty() && source.windowSeconds() == 0) {
                break;
            }
            if (more.isEmpty() && wait == 0) {
                pause(50);
            }
            batch.addAll(more);
        }
        return batch;
    }

    private List<Message> receive(int wanted, int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(RECEIVE_MAX, wanted))
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        byte[] result;
        try {
            result = functions.invoke(source.functionId(), event(batch));
        } catch (FunctionException e) {
            log.printf("%s <- %s: %d message(s) back to the queue after its visibility timeout (%s)%n",
                    source.functionId(), source.queueId(), batch.size(), e.timedOut() ? "timed out" : e.getMessage());
            return;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an SQS event", e);
        }
        Set<String> failed = source.reportBatchItemFailures() ? reportedFailures(result, batch) : Set.of();
        if (failed == null) {
            log.printf("%s <- %s: unreadable batchItemFailures; the whole batch returns to the queue%n",
                    source.functionId(), source.queueId());
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        for (int from = 0; from < done.size(); from += RECEIVE_MAX) {
            List<DeleteMessageBatchRequestEntry> chunk = done.subList(from, Math.min(done.size(), from + RECEIVE_MAX));
            sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(chunk));
        }
        if (!failed.isEmpty()) {
            log.printf("%s <- %s: %d of %d message(s) reported failed, back to the queue%n", source.functionId(),
                    source.queueId(), failed.size(), batch.size());
        }
    }

    /**
     * The message ids a partial batch response names; null when the response cannot be read or
     * names a message that was not in the batch, which Lambda treats as a failure of the whole batch.
     */
    private Set<String> reportedFailures(byte[] result, List<Message> batch) {
        if (result == null) {
            return Set.of();
        }
        JsonNode answer;
        try {
            answer = json.readTree(result);
        } catch (IOException e) {
            return null;
        }
        if (answer == null || answer.isNull() || answer.isObject() && !answer.has("batchItemFailures")) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : answer.path("batchItemFailures")) {
            String id = failure.path("itemIdentifier").asText("");
            if (!ids.contains(id)) {
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    /** The SQSEvent Lambda builds: one record per message, system and message attributes as SQS gave them. */
    private byte[] event(List<Message> batch) throws IOException {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            for (Map.Entry<MessageSystemAttributeName, String> a : message.attributes().entrySet()) {
                attributes.put(a.getKey().toString(), a.getValue());
            }
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            for (Map.Entry<String, MessageAttributeValue> a : message.messageAttributes().entrySet()) {
                ObjectNode value = messageAttributes.putObject(a.getKey());
                value.put("stringValue", a.getValue().stringValue());
                value.put("binaryValue", a.getValue().binaryValue() == null ? null
                        : Base64.getEncoder().encodeToString(a.getValue().binaryValue().asByteArray()));
                value.putArray("stringListValues");
                value.putArray("binaryListValues");
                value.put("dataType", a.getValue().dataType());
            }
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return json.writeValueAsBytes(event);
    }
}
