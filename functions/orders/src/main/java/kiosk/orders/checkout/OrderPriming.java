package kiosk.orders.checkout;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.money.Money;

/**
 * What the order primers seed. A primer first asks for an order no one placed (its read goes out
 * and finds nothing), then places {@link #ORDER} through the store, a transaction answered from
 * memory whose puts are kept for the primer's round (kiosk.shared.aws.PrimingSandbox), and asks
 * for it: the found order is read, mapped and answered as in a real request. It belongs to the
 * priming caller ({@link PrimingEvent#USER}), awaits payment, and is never stored.
 */
public final class OrderPriming {

    static final String ID = "snapstart-priming-order";
    static final String MISSING_ID = "snapstart-priming-missing";
    private static final String AT = "2000-01-01T00:00:00Z";
    private static final Money PRICE = new Money(1999L, "EUR");
    static final Order ORDER = order(ID, PrimingEvent.USER, OrderStatus.PENDING_PAYMENT, null);

    private OrderPriming() {
    }

    /**
     * The priming order (one kettle) at the stage a primer picks; the fulfilment primers seed it
     * where their request must find a paid or shipped order. Kept only in a primer's sandbox.
     */
    public static Order order(String id, String userId, OrderStatus status, Order.Shipment shipment) {
        return new Order(id, userId, status, List.of(new Order.Line("snapstart-priming-product", "Priming kettle", PRICE, 1, PRICE)),
                "EUR", new Order.Totals(1999L, 0L, 0L, 1999L), null,
                new Address("Priming", List.of("1 Snapshot Lane"), "Dublin", "D01 F5P2", "IE"), "pm_card_visa", 1, AT, AT, null,
                shipment);
    }

    static void missingThenSeeded(Consumer<APIGatewayV2HTTPEvent> prime, Function<String, APIGatewayV2HTTPEvent> request) {
        PrimingEvent.missingThenSeeded(prime, request, MISSING_ID, () -> CheckoutWiring.orderStore().place(new Placement(ORDER,
                1, "00000000-0000-4000-8000-000000000000", "snapstart-priming", 946_684_800L, 946_684_800L, null, null)), ID);
    }
}
