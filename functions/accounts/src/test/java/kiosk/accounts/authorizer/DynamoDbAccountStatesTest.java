package kiosk.accounts.authorizer;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbAccountStatesTest {

    @Test
    void theAuthorizerSeedsAnAccountOnlyWhilePriming() {
        // Nothing listens on port 9: a write that were sent would fail otherwise than refused.
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            DynamoDbAccountStates states = new DynamoDbAccountStates(dynamoDb, "users");
            assertThrows(IllegalStateException.class, () -> states.seedForPriming("someone"));
        }
    }
}
