package kiosk.orders.promotion;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.function.Consumer;
import java.util.function.Function;
import kiosk.shared.http.PrimingEvent;

/**
 * What the promotion primers seed: a request for a code no one made (its read goes out and finds
 * nothing), then {@link #PROMOTION} created through the service, whose put is answered from
 * memory while priming, and the same request for it, whose read finds it there
 * (kiosk.shared.aws.PrimingSandbox). Nothing in it is unique or ever stored.
 */
final class PromotionPriming {

    static final String CODE = "SNAPSTART-PRIMING";
    static final String MISSING_CODE = "SNAPSTART-MISSING";
    static final PromotionInput PROMOTION = new PromotionInput(CODE, "PERCENT", 10, null, null,
            "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z", 1, 1);

    private PromotionPriming() {
    }

    static void missingThenSeeded(Consumer<APIGatewayV2HTTPEvent> prime, Function<String, APIGatewayV2HTTPEvent> request) {
        PrimingEvent.missingThenSeeded(prime, request, MISSING_CODE, () -> PromotionWiring.promotions().create(PROMOTION), CODE);
    }
}
