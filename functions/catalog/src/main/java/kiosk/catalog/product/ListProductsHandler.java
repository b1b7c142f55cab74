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
 * GET /products?category=&limit=&cursor=: a page of active products by name. Public and briefly
 * cacheable, with its ETag a digest of the page.
 */
public final class ListProductsHandler extends HttpFunction {

    private final ProductListing listing;

    public ListProductsHandler() {
        this(new ProductListing(CatalogWiring.store(), CatalogWiring.cursors()));
        // The listing of an empty catalog, then of the seeded product.
        SnapStart.prime("ListProducts", () -> CatalogPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("GET", "/products", Map.of())));
    }

    public ListProductsHandler(ProductListing listing) {
        this.listing = listing;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.ok(listing.list(
                request.queryParameter("category"), request.queryParameter("limit"), request.queryParameter("cursor")))
                .sharedCache(request, CatalogWiring.PUBLIC_CACHE_CONTROL));
    }
}
