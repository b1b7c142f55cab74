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

/**
 * POST /products/{id}/stock {"delta": n}: admins add units received (n > 0) or write off units
 * lost (n < 0). No If-Match: the delta applies to the stock as it is when it lands, so it cannot
 * lose a sale made since the admin looked; 409 when it would take the stock out of 0..1,000,000.
 */
public final class AdjustStockHandler extends HttpFunction {

    private final ProductService products;

    public AdjustStockHandler() {
        this(ProductService.withDefaults(CatalogWiring.store()));
        SnapStart.prime("AdjustStock", () -> CatalogPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("POST", "/products/" + id + "/stock", Map.of("id", id), "{\"delta\": 1}", Map.of())));
    }

    public AdjustStockHandler(ProductService products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            Caller admin = request.requireRole(Roles.ADMIN);
            String id = request.pathParameter("id");
            StockAdjustment adjustment = request.body(StockAdjustment.class);
            Product product = products.adjustStock(id, adjustment);
            Log.info("stock adjusted", "productId", id, "delta", adjustment.delta(), "stock", product.stock(),
                    "by", admin.userId());
            return ApiResponse.ok(product).representationTag(product.version());
        });
    }
}
