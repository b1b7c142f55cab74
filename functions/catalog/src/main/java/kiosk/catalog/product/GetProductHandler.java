package kiosk.catalog.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/** GET /products/{id}: an active product, with its version as ETag. Public. */
public final class GetProductHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductService products;

    public GetProductHandler() {
        this(ProductService.withDefaults(CatalogWiring.store()));
        SnapStart.prime("GetProduct", () -> handleRequest(
                PrimingEvent.of("GET", "/products/priming", Map.of("id", "priming")), null));
    }

    public GetProductHandler(ProductService products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Product product = products.get(request.pathParameter("id"));
            return ApiResponse.ok(product).etag(product.version());
        });
    }
}
