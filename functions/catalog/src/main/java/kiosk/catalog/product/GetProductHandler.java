package kiosk.catalog.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/**
 * GET /products/{id}: an active product. Public, and shared caches may keep it briefly: its ETag
 * is its version and a digest of its body (stock moves without a new version), and If-None-Match
 * with the current tag is a 304.
 */
public final class GetProductHandler extends HttpFunction {

    private final ProductService products;

    public GetProductHandler() {
        this(ProductService.withDefaults(CatalogWiring.store()));
        SnapStart.prime("GetProduct", () -> CatalogPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("GET", "/products/" + id, Map.of("id", id))));
    }

    public GetProductHandler(ProductService products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Product product = products.get(request.pathParameter("id"));
            return ApiResponse.ok(product).representationTag(product.version())
                    .sharedCache(request, CatalogWiring.PUBLIC_CACHE_CONTROL);
        });
    }
}
