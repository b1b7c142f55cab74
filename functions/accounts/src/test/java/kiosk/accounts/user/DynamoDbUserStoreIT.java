package kiosk.accounts.user;

import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class DynamoDbUserStoreIT extends UserStoreContract {

    private final LocalAws aws;

    DynamoDbUserStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    UserStore store() {
        return new DynamoDbUserStore(aws.dynamoDb(), aws.tableName("UsersTable"));
    }
}
