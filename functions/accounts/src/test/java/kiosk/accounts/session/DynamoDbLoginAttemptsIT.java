package kiosk.accounts.session;

import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalAwsExtension.class)
class DynamoDbLoginAttemptsIT extends LoginAttemptsContract {

    private final LocalAws aws;

    DynamoDbLoginAttemptsIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    LoginAttempts store() {
        return new DynamoDbLoginAttempts(aws.dynamoDb(), aws.tableName("UsersTable"));
    }
}
