package kiosk.accounts.authorizer;

import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The account states the no-argument constructor uses: USERS_TABLE, read once per execution environment. */
final class AuthorizerWiring {

    private AuthorizerWiring() {
    }

    static DynamoDbAccountStates accounts() {
        return States.STATES;
    }

    private static final class States {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbAccountStates STATES = new DynamoDbAccountStates(AwsClients.build(DynamoDbClient.builder(), CONFIG),
                CONFIG.require("USERS_TABLE"));
    }
}
