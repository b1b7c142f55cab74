package kiosk.fulfilment;

import java.util.List;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import kiosk.shared.money.Money;

/**
 * The order a fulfilment primer seeds (kiosk.orders.checkout.DynamoDbOrderStore#seedForPriming)
 * where its request must find one: one kettle, at a stage a primer picks. Kept only in the
 * primer's sandbox, never stored; nothing in it is unique.
 */
public final class FulfilmentPriming {

    private static final String AT = "2000-01-01T00:00:00Z";
    private static final Money PRICE = new Money(1999L, "EUR");

    private FulfilmentPriming() {
    }

    public static Order order(String id, String userId, OrderStatus status, Order.Shipment shipment) {
        return new Order(id, userId, status, List.of(new Order.Line("snapstart-priming-product", "Priming kettle", PRICE, 1, PRICE)),
                "EUR", new Order.Totals(1999L, 0L, 0L, 1999L), null,
                new Address("Priming", List.of("1 Snapshot Lane"), "Dublin", "D01 F5P2", "IE"), "pm_card_visa", 2, AT, AT, null,
                shipment);
    }
}
