package kiosk.accounts.session;

import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class DynamoDbSessionStoreIT extends SessionStoreContract {

    private final LocalAws aws;

    DynamoDbSessionStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    SessionStore store() {
        return new DynamoDbSessionStore(aws.dynamoDb(), aws.tableName("SessionsTable"));
    }
}
