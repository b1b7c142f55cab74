package kiosk.fulfilment.report;

import java.time.Instant;
import java.util.stream.Stream;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;

/**
 * The orders the report reads: those in one status created in [from, to), every one of them
 * however many pages it takes. In Lambda, the orders module's DynamoDbOrderStore::createdBetween,
 * so that the OrdersTable's item layout stays in one place.
 */
@FunctionalInterface
public interface OrderSource {

    /** A stream to close once read: it may hold the pages still to fetch. */
    Stream<Order> createdBetween(OrderStatus status, Instant from, Instant to);
}
