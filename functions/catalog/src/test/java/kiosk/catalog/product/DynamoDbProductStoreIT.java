package kiosk.catalog.product;

import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The product store contract against the ProductsTable of template.yaml in DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbProductStoreIT extends ProductStoreContract {

    private final LocalAws aws;

    DynamoDbProductStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    ProductStore store() {
        return new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
    }

    @Override
    ProductStore emptyStore() {
        return new DynamoDbProductStore(aws.dynamoDb(), aws.freshTable("ProductsTable"));
    }
}
