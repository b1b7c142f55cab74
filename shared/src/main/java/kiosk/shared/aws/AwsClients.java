package kiosk.shared.aws;

import java.time.Duration;
import kiosk.shared.config.Config;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds SDK clients the one way Kiosk builds them: the URLConnection HTTP client (the lightest to
 * load), an explicit region, and only the credentials providers a Lambda function can meet:
 * environment variables (Lambda's own), the container endpoint (what Lambda gives a function
 * restored by SnapStart), and system properties (the emulator's, in tests and the local runtime).
 * The SDK's default chain would also build its profile-file, web-identity and instance-profile
 * providers, which no function uses: measured about 27 classes and 10-15 ms of every cold start.
 * Endpoints are never set here: the SDK reads AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS and
 * friends itself, so DynamoDB Local, ElasticMQ and LocalStack need no code.
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
        builder.credentialsProvider(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create()));
        return builder.build();
    }
}
