package kiosk.fulfilment.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.log.Log;

/**
 * POST /webhooks/shipping: the shipping partner's events (shipped, delivered, returned). Public,
 * because the partner has no Kiosk account, and signed instead ({@link WebhookSignature}): a wrong
 * or old signature is a 401, a replayed event a 409, and neither changes anything. README: the
 * webhook contract.
 */
public final class ShippingWebhookHandler extends HttpFunction {

    /** An event is a few hundred bytes; anything near this is not one. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final ShippingWebhookService webhooks;

    public ShippingWebhookHandler() {
        this(ShippingWiring.webhooks());
    }

    public ShippingWebhookHandler(ShippingWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            byte[] body = request.jsonBytes(MAX_BODY_BYTES);
            ShippingWebhookService.Receipt receipt = webhooks.receive(request.header(WebhookSignature.HEADER).orElse(null),
                    body);
            Log.info("shipping event applied", "eventId", receipt.eventId(), "orderId", receipt.orderId(), "status",
                    receipt.status().name());
            return ApiResponse.ok(receipt);
        });
    }
}
