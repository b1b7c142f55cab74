package kiosk.fulfilment.notification;

import java.util.Optional;
import kiosk.orders.checkout.Order;

/** Reads an order as it is now: DynamoDbOrderStore::find in the function, a map in the tests. */
@FunctionalInterface
public interface OrderLookup {

    Optional<Order> find(String orderId);
}
