package kiosk.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.config.Config;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The variables template.yaml declares for `sam local`: set, they point a client at the local
 * services with their credentials; empty, as in AWS, they change nothing.
 */
class AwsClientsTest {

    @Test
    void theKioskEndpointAndCredentialVariablesPointAClientAtTheLocalServices() {
        Config config = Config.from(Map.of("AWS_REGION", "eu-west-1",
                "KIOSK_ENDPOINT_URL_DYNAMODB", "http://host.docker.internal:8000",
                "KIOSK_LOCAL_ACCESS_KEY_ID", "KIOSKABC", "KIOSK_LOCAL_SECRET_ACCESS_KEY", "s3cr3t"));
        try (DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), config)) {
            assertEquals(Optional.of(URI.create("http://host.docker.internal:8000")),
                    client.serviceClientConfiguration().endpointOverride());
            AwsCredentials credentials = (AwsCredentials) client.serviceClientConfiguration().credentialsProvider()
                    .resolveIdentity().join();
            assertEquals("KIOSKABC", credentials.accessKeyId());
        }
    }

    @Test
    void emptyAsInAwsTheyChangeNothing() {
        Config config = Config.from(Map.of("AWS_REGION", "eu-west-1", "KIOSK_ENDPOINT_URL_DYNAMODB", "",
                "KIOSK_LOCAL_ACCESS_KEY_ID", "", "KIOSK_LOCAL_SECRET_ACCESS_KEY", ""));
        try (DynamoDbClient client = AwsClients.build(DynamoDbClient.builder(), config)) {
            assertEquals(Optional.empty(), client.serviceClientConfiguration().endpointOverride());
        }
    }
}
