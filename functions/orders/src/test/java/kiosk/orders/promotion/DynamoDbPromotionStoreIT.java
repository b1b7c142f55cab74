package kiosk.orders.promotion;

import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The promotion store contract against the PromotionsTable of template.yaml in DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbPromotionStoreIT extends PromotionStoreContract {

    private final LocalAws aws;

    DynamoDbPromotionStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    PromotionStore emptyStore() {
        return new DynamoDbPromotionStore(aws.dynamoDb(), aws.freshTable("PromotionsTable"));
    }
}
