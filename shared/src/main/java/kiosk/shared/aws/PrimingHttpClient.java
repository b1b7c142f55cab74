package kiosk.shared.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 */
final class PrimingHttpClient implements SdkHttpClient {

    private static final List<String> READS = List.of(".GetItem", ".BatchGetItem", ".Query", ".Scan",
            ".TransactGetItems", ".DescribeTable", ".GetSecretValue");
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
        if (READS.stream().anyMatch(target::endsWith)) {
            return delegate.prepareRequest(request);
        }
        boolean conditionFails = isConditionalChange(target, request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(conditionFails ? 400 : 200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("x-amzn-RequestId", "snapstart-priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(conditionFails
                                ? CONDITION_FAILED : EMPTY)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    /**
     * A DynamoDB PutItem, UpdateItem or DeleteItem whose ConditionExpression does not hold for an
     * item that is not there ({@link MissingItemCondition}).
     */
    private static boolean isConditionalChange(String target, HttpExecuteRequest request) {
        if (!(target.endsWith(".UpdateItem") || target.endsWith(".DeleteItem") || target.endsWith(".PutItem"))) {
            return false;
        }
        return request.contentStreamProvider().map(body -> {
            try (InputStream in = body.newStream()) {
                Matcher condition = CONDITION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                // One pass over the JSON escapes: \" and \\ become " and \ (any other escape leaves
                // an expression MissingItemCondition cannot read, which fails: the safe answer).
                return condition.find()
                        && !MissingItemCondition.holds(ESCAPE.matcher(condition.group(1)).replaceAll("$1"));
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
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
