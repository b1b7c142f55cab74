package kiosk.orders.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.LocalAws;
import kiosk.shared.money.Money;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many tabs changing one cart at once, against DynamoDB Local: no change is lost. */
@ExtendWith(LocalAwsExtension.class)
class CartServiceIT {

    private final LocalAws aws;

    CartServiceIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void twelveTabsAddingTwelveProductsAtOnceLeaveTwelveLines() throws Exception {
        DynamoDbProductStore products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = UUID.randomUUID().toString();
            products.create(new Product(id, "Tab " + i, "", "misc", new Money(500L, "EUR"), 10, ProductStatus.ACTIVE, 1,
                    "2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z"));
            ids.add(id);
        }
        CartService carts = new CartService(new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable")),
                new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable")), CartServiceTest.CLOCK);
        String user = UUID.randomUUID().toString();
        Race.atOnce(ids.stream().map(id -> (Callable<CartView>) () -> carts.setLine(user, id, 2, OptionalLong.empty()))
                .toList());
        CartView cart = carts.view(user);
        Set<String> lines = new HashSet<>();
        cart.lines().forEach(line -> lines.add(line.productId()));
        assertEquals(new HashSet<>(ids), lines);
        assertEquals(12, cart.version(), "one version per change, none lost");
        assertEquals(new Money(12L * 2 * 500, "EUR"), cart.subtotal());
    }
}
