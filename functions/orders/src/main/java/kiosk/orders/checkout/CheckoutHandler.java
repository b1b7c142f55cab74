package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.regex.Pattern;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.http.ApiRequest;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.log.Log;
import kiosk.shared.log.Metrics;
import kiosk.shared.ratelimit.RateLimiter;

/**
 * POST /checkout with an Idempotency-Key header: the caller's cart becomes an order, 201 with its
 * Location. A replay of the same key and body answers the same order with
 * {@code Idempotent-Replayed: true}. Signed in.
 */
public final class CheckoutHandler extends HttpFunction {

    /** A valid body for the primer (never stored: see PrimingEvent). */
    private static final String PRIMING_BODY = "{\"shippingAddress\": {\"name\": \"Priming\", \"lines\": [\"Street 1\"], \"city\": \"Berlin\", "
            + "\"postalCode\": \"10115\", \"country\": \"DE\"}, \"paymentMethod\": \"pm_card_visa\"}";

    /** What Stripe takes: up to 255 printable characters; a UUID is the usual choice. */
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[!-~]{1,255}");

    private final CheckoutService checkout;
    private final RateLimiter limiter;

    public CheckoutHandler() {
        this(CheckoutWiring.checkout(), CheckoutWiring.limiter());
        SnapStart.prime("Checkout", () -> {
            // The priming shopper's empty cart: refused (409) after the limiter and the cart's read.
            prime(PrimingEvent.of("POST", "/checkout", Map.of(), PRIMING_BODY,
                    Map.of("idempotency-key", "00000000-0000-4000-8000-000000000000")));
            // Then a cart with a product: priced, placed in one transaction and answered (201), as
            // a real checkout is; the cart, the product and every write stay in the primer's sandbox.
            CheckoutWiring.seedCartForPriming();
            prime(PrimingEvent.of("POST", "/checkout", Map.of(), PRIMING_BODY,
                    Map.of("idempotency-key", "00000000-0000-4000-8000-000000000000")));
        });
    }

    public CheckoutHandler(CheckoutService checkout, RateLimiter limiter) {
        this.checkout = checkout;
        this.limiter = limiter;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> {
            String userId = request.requireCaller().userId();
            // Every attempt counts, valid or not: the limit is on what a shopper may make checkout do.
            limiter.admit(userId);
            String key = idempotencyKey(request);
            CheckoutService.Result result = checkout.checkout(userId, key, request.body(CheckoutInput.class));
            Order order = result.order();
            if (!result.replayed()) {
                Log.info("order placed", "orderId", order.id(), "userId", userId, "total", order.totals().total(),
                        "currency", order.currency(), "lines", order.lines().size());
                new Metrics("orders").count("CheckoutsPlaced", 1).flush();
            }
            ApiResponse response = ApiResponse.created("/orders/" + order.id(), order).etag(order.version());
            return result.replayed() ? response.header("Idempotent-Replayed", "true") : response;
        });
    }

    private static String idempotencyKey(ApiRequest request) {
        String key = request.header("idempotency-key").orElseThrow(() -> new BadRequestException(
                "Send an Idempotency-Key header (a new UUID per checkout), so a retry cannot order twice."));
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new BadRequestException("An Idempotency-Key is 1 to 255 printable characters without spaces, such as a UUID.");
        }
        return key;
    }
}
