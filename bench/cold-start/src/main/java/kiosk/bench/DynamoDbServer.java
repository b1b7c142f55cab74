package kiosk.bench;

import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.shared.money.Money;
import kiosk.testkit.LocalAws;
import kiosk.testkit.Template;

/**
 * DynamoDB Local (and ElasticMQ) with the tables of template.yaml and one product, in its own
 * process for the cold-start benchmark. Prints "READY endpoint table id" and serves until its
 * standard input closes.
 */
public final class DynamoDbServer {

    private DynamoDbServer() {
    }

    public static void main(String[] args) throws Exception {
        LocalAws aws = LocalAws.start(Template.project());
        String table = aws.tableName("ProductsTable");
        String id = "bench-product-1";
        new DynamoDbProductStore(aws.dynamoDb(), table).create(new Product(id, "Benchmark lamp",
                "Seeded for the cold-start benchmark", "lighting", new Money(4200L, "EUR"), 7, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        System.out.println("READY " + aws.dynamoEndpoint() + " " + table + " " + id);
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the benchmark closes our standard input
        }
        aws.close();
        // DynamoDB Local leaves a non-daemon thread behind after stop().
        System.exit(0);
    }
}
