package kiosk.fulfilment.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import kiosk.orders.queue.AnnouncementBatch;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
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
        SnapStart.prime("ShippingWebhook", () -> prime(primingEvent()));
    }

    /**
     * A well-formed shipped event for an order that cannot exist, signed with a key that is not
     * the partner's: the body is read, its HMAC computed and compared, and the request refused
     * (401) before the event is parsed or anything read or written. The partner's key stays where
     * the service holds it.
     */
    private static APIGatewayV2HTTPEvent primingEvent() {
        byte[] body = ("{\"id\":\"evt_priming\",\"type\":\"" + ShippingEvent.SHIPPED + "\",\"occurredAt\":\"2000-01-01T00:00:00Z\","
                + "\"shipmentId\":\"priming\",\"orderId\":\"" + AnnouncementBatch.PRIMING_ORDER_ID + "\"}").getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookSignature("priming: a key that is not the partner's").header(body, Instant.now());
        return PrimingEvent.of("POST", "/webhooks/shipping", Map.of(), new String(body, StandardCharsets.UTF_8),
                Map.of(WebhookSignature.HEADER, signature));
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
