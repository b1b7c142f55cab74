package kiosk.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import kiosk.testkit.LocalAws;
import kiosk.testkit.Template;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.ofEntries(
                Map.entry("id", AttributeValue.fromS(id)),
                Map.entry("name", AttributeValue.fromS("Benchmark lamp")),
                Map.entry("description", AttributeValue.fromS("Seeded for the cold-start benchmark")),
                Map.entry("category", AttributeValue.fromS("lighting")),
                Map.entry("priceAmount", AttributeValue.fromN("4200")),
                Map.entry("priceCurrency", AttributeValue.fromS("EUR")),
                Map.entry("stock", AttributeValue.fromN("7")),
                Map.entry("status", AttributeValue.fromS("ACTIVE")),
                Map.entry("version", AttributeValue.fromN("1")),
                Map.entry("createdAt", AttributeValue.fromS("2026-11-01T00:00:00Z")),
                Map.entry("updatedAt", AttributeValue.fromS("2026-11-01T00:00:00Z")),
                Map.entry("sortKey", AttributeValue.fromS("benchmark lamp#" + id)),
                Map.entry("activeCategory", AttributeValue.fromS("lighting")),
                Map.entry("activeAll", AttributeValue.fromS("ACTIVE")))));
        System.out.println("READY " + aws.dynamoEndpoint() + " " + table + " " + id);
        System.out.flush();
        byte[] buffer = new byte[64];
        while (System.in.read(buffer) >= 0) {
            System.out.println(new String(buffer, StandardCharsets.UTF_8).strip());
        }
        aws.close();
        // DynamoDB Local leaves a non-daemon thread behind after stop().
        System.exit(0);
    }
}
