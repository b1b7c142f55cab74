package kiosk.fulfilment.shipping;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderPriming;
import kiosk.orders.checkout.OrderStatus;
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

    /** An order id as the partner writes one (the announcements' priming id is no such id), which no order has. */
    private static final String PRIMING_ORDER_ID = "snapstart-priming";
    /** The order the second priming event finds: handed to the partner, awaiting its "shipped". Never stored. */
    private static final Order PRIMING_ORDER = OrderPriming.order(PRIMING_ORDER_ID, "snapstart-priming-user",
            OrderStatus.FULFILLING, new Order.Shipment("priming", "2000-01-01T00:00:00Z", null, null, null, null, null));

    private final ShippingWebhookService webhooks;

    public ShippingWebhookHandler() {
        this(ShippingWiring.webhooks());
        SnapStart.prime("ShippingWebhook", () -> {
            prime(primingEvent(webhooks));
            // Then the order found and moved to SHIPPED, its event recorded: the partner's request as
            // it usually is, every write answered from memory (kiosk.shared.aws.PrimingSandbox).
            ShippingWiring.webhookOrders().seedForPriming(PRIMING_ORDER);
            prime(primingEvent(webhooks));
        });
    }

    /**
     * A shipped event for an order no one can place, happening now, signed as the partner signs
     * (by the service, which holds the key): the body is read, its HMAC checked, the event parsed
     * and the order looked up; refused as for an unknown order (404) unless the primer seeded it.
     * The signed body never leaves the process.
     */
    private static APIGatewayV2HTTPEvent primingEvent(ShippingWebhookService webhooks) {
        String body = "{\"id\":\"evt_priming\",\"type\":\"" + ShippingEvent.SHIPPED + "\",\"occurredAt\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"shipmentId\":\"priming\",\"orderId\":\""
                + PRIMING_ORDER_ID + "\",\"carrier\":\"priming\",\"trackingNumber\":\"priming\"}";
        return PrimingEvent.of("POST", "/webhooks/shipping", Map.of(), body,
                Map.of(WebhookSignature.HEADER, webhooks.signForPriming(body.getBytes(StandardCharsets.UTF_8))));
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
