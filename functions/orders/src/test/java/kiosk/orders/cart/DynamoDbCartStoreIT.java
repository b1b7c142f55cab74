package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import kiosk.emulator.LocalAws;
import kiosk.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cart store contract against the CartsTable of template.yaml in DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbCartStoreIT extends CartStoreContract {

    private final LocalAws aws;

    DynamoDbCartStoreIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    CartStore store() {
        return new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
    }

    @Test
    void aCartCarriesTheExpiryTheTablesTimeToLiveReads() {
        store().save(new Cart("ttl-user", List.of(new Cart.Line("p-1", 1)), "EUR", 1, "2026-11-21T10:00:00Z"), 0, 1_800_000_000L);
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("CartsTable"))
                .key(Map.of("userId", AttributeValue.fromS("ttl-user")))).item();
        assertEquals("1800000000", item.get("expiresAt").n());
        // The tests' DynamoDB Local runs without TTL (LocalAws.Options.TESTS): the template's is what AWS reads.
        Map<?, ?> ttl = (Map<?, ?>) aws.template().resources("AWS::DynamoDB::Table").get("CartsTable")
                .get("TimeToLiveSpecification");
        assertEquals("expiresAt", ttl.get("AttributeName"));
    }
}
