package kiosk.shared.aws;

import java.time.Duration;
import kiosk.shared.config.Config;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds SDK clients the one way Kiosk builds them: the URLConnection HTTP client (the lightest to
 * load), an explicit region, and the default credentials chain, which also covers the container
 * credentials Lambda uses with SnapStart. Endpoints are never set here: the SDK reads
 * AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS and friends itself, so DynamoDB Local, ElasticMQ
 * and LocalStack need no code.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder, Config config) {
        builder.httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build());
        builder.region(Region.of(config.region()));
        builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        return builder.build();
    }
}
