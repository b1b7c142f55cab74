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
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;

/** POST /products: admins add a product; 201 with its Location and ETag. */
public final class CreateProductHandler extends HttpFunction {

    /** A valid body for the primer (never stored: see PrimingEvent). */
    private static final String PRIMING_BODY = "{\"name\": \"Priming\", \"description\": \"Never stored.\", \"category\": \"priming\", "
            + "\"price\": {\"amount\": 100, \"currency\": \"EUR\"}, \"stock\": 1}";

    private final ProductService products;

    public CreateProductHandler() {
        this(ProductService.withDefaults(CatalogWiring.store()));
        SnapStart.prime("CreateProduct", () -> prime(PrimingEvent.of("POST", "/products", Map.of(), PRIMING_BODY, Map.of())));
    }

    public CreateProductHandler(ProductService products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller admin = request.requireRole(Roles.ADMIN);
            Product product = products.create(request.body(ProductInput.class));
            Log.info("product created", "productId", product.id(), "by", admin.userId());
            return ApiResponse.created("/products/" + product.id(), product).representationTag(product.version());
        });
    }
}
