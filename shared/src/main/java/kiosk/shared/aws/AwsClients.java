package kiosk.shared.aws;

import java.net.URI;
import java.time.Duration;
import kiosk.shared.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds SDK clients the one way Kiosk builds them: the URLConnection HTTP client (the lightest to
 * load; while a SnapStart primer runs it sends reads only, see {@link PrimingHttpClient}), an
 * explicit region, and only the credentials providers a Lambda function can meet: environment
 * variables (Lambda's own), the container endpoint (what Lambda gives a function restored by
 * SnapStart), and system properties (the emulator's, in tests and the local runtime).
 * The SDK's default chain would also build its profile-file, web-identity and instance-profile
 * providers, which no function uses: measured about 27 classes and 10-15 ms of every cold start.
 * Endpoints come from the SDK's own AWS_ENDPOINT_URL_DYNAMODB and friends, or from the
 * KIOSK_ENDPOINT_URL_* variables (with KIOSK_LOCAL_ACCESS_KEY_ID and KIOSK_LOCAL_SECRET_ACCESS_KEY):
 * template.yaml declares those empty, which changes nothing in AWS, because `sam local --env-vars`
 * only overrides variables the template declares. The SDK's own names cannot be declared empty:
 * an empty AWS_ENDPOINT_URL_DYNAMODB fails every client ("The URI scheme of endpointOverride must
 * not be null").
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(B builder, Config config) {
        builder.httpClient(new PrimingHttpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build()));
        builder.region(Region.of(config.region()));
        String localKey = config.optional("KIOSK_LOCAL_ACCESS_KEY_ID").orElse("");
        String localSecret = config.optional("KIOSK_LOCAL_SECRET_ACCESS_KEY").orElse("");
        if (!localKey.isEmpty() && !localSecret.isEmpty()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(localKey, localSecret)));
        } else {
            builder.credentialsProvider(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                    EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create()));
        }
        String service = serviceOf(builder);
        String endpoint = service == null ? "" : config.optional("KIOSK_ENDPOINT_URL_" + service).orElse("");
        if (!endpoint.isEmpty()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** The suffix of a service's endpoint variable, as the SDK names its own (AWS_ENDPOINT_URL_<suffix>). */
    private static String serviceOf(Object builder) {
        String name = builder.getClass().getSimpleName();
        if (name.contains("DynamoDbStreams")) {
            return "DYNAMODB_STREAMS";
        }
        if (name.contains("DynamoDb")) {
            return "DYNAMODB";
        }
        if (name.contains("SecretsManager")) {
            return "SECRETS_MANAGER";
        }
        if (name.contains("Sqs")) {
            return "SQS";
        }
        if (name.contains("SesV2")) {
            return "SESV2";
        }
        return null;
    }
}
