package kiosk.catalog.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.OptionalLong;
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
 * PUT /products/{id}: admins replace a product's name, description, category and price; If-Match
 * is required (428, 412). Stock is not a field here: POST /products/{id}/stock adjusts it.
 */
public final class UpdateProductHandler extends HttpFunction {

    /** A valid body for the primer (never stored: see PrimingEvent). */
    private static final String PRIMING_BODY = "{\"name\": \"Priming\", \"description\": \"Never stored.\", \"category\": \"priming\", "
            + "\"price\": {\"amount\": 100, \"currency\": \"EUR\"}}";

    private final ProductService products;

    public UpdateProductHandler() {
        this(ProductService.withDefaults(CatalogWiring.store()));
        SnapStart.prime("UpdateProduct", () -> CatalogPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("PUT", "/products/" + id, Map.of("id", id), PRIMING_BODY, Map.of("if-match", "\"1\""))));
    }

    public UpdateProductHandler(ProductService products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller admin = request.requireRole(Roles.ADMIN);
            String id = request.pathParameter("id");
            OptionalLong expected = Preconditions.expectedVersion(request);
            Product product = products.update(id, expected, request.body(ProductChanges.class));
            Log.info("product updated", "productId", id, "version", product.version(), "by", admin.userId());
            return ApiResponse.ok(product).representationTag(product.version());
        });
    }
}
