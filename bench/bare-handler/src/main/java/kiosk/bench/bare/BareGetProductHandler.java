package kiosk.bench.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reference for the cold-start benchmark: the GetItem GetProduct does, written the leanest
 * usual way (SDK only, JSON by hand, no validation, no shared library). Not deployed.
 */
public final class BareGetProductHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv("AWS_REGION")))
            .build();
    private final String table = System.getenv("PRODUCTS_TABLE");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String id = event.getPathParameters().get("id");
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setHeaders(Map.of("content-type", "application/json"));
        if (item == null || item.isEmpty()) {
            response.setStatusCode(404);
            response.setBody("{\"message\":\"not found\"}");
            return response;
        }
        response.setStatusCode(200);
        response.setBody("{\"id\":\"" + item.get("id").s() + "\",\"name\":\"" + item.get("name").s()
                + "\",\"price\":{\"amount\":" + item.get("priceAmount").n() + ",\"currency\":\""
                + item.get("priceCurrency").s() + "\"},\"stock\":" + item.get("stock").n()
                + ",\"version\":" + item.get("version").n() + "}");
        return response;
    }
}
