package kiosk.shared.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiosk.shared.lambda.SnapStart;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The SDK's HTTP client, except while a SnapStart primer runs: then a call that could change
 * something is answered here with an empty success ({@code {}}), already signed and marshalled by
 * the SDK and unmarshalled by it again, and never sent. Reads (the DynamoDB and Secrets Manager
 * operations named below) go out as usual, so the primer also warms the connection code and reads
 * what a real request reads. A primer can therefore take a write's whole path without writing.
 *
 * <p>A conditional put, update or delete is answered as DynamoDB answers one for an item that is
 * not there, which is what a primer's made-up key names: a condition that needs the item fails
 * (an empty success would claim an item that the store then reads back from nothing:
 * UpdateProduct, AdjustStock and DeactivatePromotion primed into a 500), and one that a new key
 * meets, such as a counter's "absent or below the limit", succeeds, so the primer goes on past
 * its rate limits and attempt counts as a first request does. A TransactWriteItems is answered
 * with a success whatever its conditions: nothing is written either way, and a primer takes the
 * path of a transaction that won.
 *
 * <p>A PutItem answered here is kept for the rest of the primer's round ({@link PrimingSandbox}),
 * and a read that names it is answered from there: a primer seeds the item its request finds
 * through the store's own write, so it primes a found item's path, not only a 404's. An update
 * or delete of that item succeeds and answers it as it was put.
 */
final class PrimingHttpClient implements SdkHttpClient {

    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan",
            "TransactGetItems", "DescribeTable", "GetSecretValue");
    private static final Set<String> CHANGES = Set.of("PutItem", "UpdateItem", "DeleteItem");
    private static final Pattern CONDITION = Pattern.compile("\"ConditionExpression\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONDITION_FAILED = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
            + "\"message\":\"The conditional request failed\"}").getBytes(StandardCharsets.UTF_8);

    private final SdkHttpClient delegate;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!SnapStart.priming()) {
            return delegate.prepareRequest(request);
        }
        SnapStart.calledAws();
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.lastIndexOf('.') + 1);
        if (READS.contains(operation)) {
            Optional<byte[]> found = PrimingSandbox.answer(operation, body(request));
            return found.isPresent() ? answer(200, found.get()) : delegate.prepareRequest(request);
        }
        if (operation.equals("TransactWriteItems")) {
            PrimingSandbox.putTransaction(body(request));
            return answer(200, EMPTY);
        }
        if (!CHANGES.contains(operation)) {
            return answer(200, EMPTY);
        }
        byte[] body = body(request);
        if (!operation.equals("PutItem")) {
            Optional<byte[]> changed = PrimingSandbox.change(body);
            if (changed.isPresent()) {
                return answer(200, changed.get());
            }
        }
        // A put into a table the primer seeded replaces, as far as a primer's request goes, the
        // item it seeded there: its condition (a version, say) is taken to hold.
        if (!conditionHolds(body) && !(operation.equals("PutItem") && PrimingSandbox.holdsTableOf(body))) {
            return answer(400, CONDITION_FAILED);
        }
        if (operation.equals("PutItem")) {
            PrimingSandbox.put(body);
        }
        return answer(200, EMPTY);
    }

    /** A DynamoDB-shaped answer from memory: the SDK unmarshals it as it would one from the wire. */
    private static ExecutableHttpRequest answer(int status, byte[] body) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(status)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("x-amzn-RequestId", "snapstart-priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    /**
     * Whether a PutItem, UpdateItem or DeleteItem's ConditionExpression, if it has one, holds for
     * an item that is not there ({@link MissingItemCondition}).
     */
    private static boolean conditionHolds(byte[] body) {
        Matcher condition = CONDITION.matcher(new String(body, StandardCharsets.UTF_8));
        // One pass over the JSON escapes: \" and \\ become " and \ (any other escape leaves
        // an expression MissingItemCondition cannot read, which fails: the safe answer).
        return !condition.find() || MissingItemCondition.holds(ESCAPE.matcher(condition.group(1)).replaceAll("$1"));
    }

    private static byte[] body(HttpExecuteRequest request) {
        return request.contentStreamProvider().map(provider -> {
            try (InputStream in = provider.newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(EMPTY);
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
