package kiosk.catalog.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.auth.Roles;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Caller;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.http.Preconditions;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/**
 * DELETE /products/{id}: admins archive a product (orders still point at it); 204. If-Match is
 * required (428, 412). A second delete answers 404: the product is gone for every reader.
 */
public final class DeleteProductHandler extends HttpFunction {

    private final ProductService products;

    public DeleteProductHandler() {
        this(ProductService.withDefaults(CatalogWiring.store()));
        SnapStart.prime("DeleteProduct", () -> CatalogPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("DELETE", "/products/" + id, Map.of("id", id), null, Map.of("if-match", "\"1\""))));
    }

    public DeleteProductHandler(ProductService products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller admin = request.requireRole(Roles.ADMIN);
            String id = request.pathParameter("id");
            products.archive(id, Preconditions.expectedVersion(request));
            Log.info("product archived", "productId", id, "by", admin.userId());
            return ApiResponse.noContent();
        });
    }
}
