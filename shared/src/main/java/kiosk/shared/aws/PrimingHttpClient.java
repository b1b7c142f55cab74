package kiosk.shared.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
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
 */
final class PrimingHttpClient implements SdkHttpClient {

    private static final List<String> READS = List.of(".GetItem", ".BatchGetItem", ".Query", ".Scan",
            ".TransactGetItems", ".DescribeTable", ".GetSecretValue");
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private final SdkHttpClient delegate;

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (!SnapStart.priming() || isRead(request)) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/x-amz-json-1.0")
                                .putHeader("x-amzn-RequestId", "snapstart-priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    private static boolean isRead(HttpExecuteRequest request) {
        Optional<String> target = request.httpRequest().firstMatchingHeader("X-Amz-Target");
        return target.isPresent() && READS.stream().anyMatch(target.get()::endsWith);
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
