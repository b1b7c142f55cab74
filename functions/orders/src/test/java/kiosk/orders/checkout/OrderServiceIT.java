package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kiosk.emulator.LocalAws;
import kiosk.orders.promotion.Promotion;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.NotFoundException;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading, paging and cancelling a shopper's own orders, against DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class OrderServiceIT {

    private final Shop shop;
    private final OrderService orders;

    OrderServiceIT(LocalAws aws) {
        this.shop = new Shop(aws);
        this.orders = new OrderService(shop.orders, Shop.CLOCK);
    }

    private Order place(String user, String productId, int quantity) {
        shop.carts.setLine(user, productId, quantity, OptionalLong.empty());
        return shop.checkout.checkout(user, "key-" + System.nanoTime(), Shop.input()).order();
    }

    @Test
    void aShopperReadsTheirOwnOrderAndNobodyElsesIsEvenThere() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        Order order = shop.checkout.checkout(ann, "k", Shop.input()).order();
        assertEquals(order, orders.get(ann, order.id()));
        assertThrows(NotFoundException.class, () -> orders.get("someone-else", order.id()), "404, not 403");
        assertThrows(NotFoundException.class, () -> orders.get(ann, "no-such-order"));
        assertThrows(NotFoundException.class, () -> orders.get(ann, "../" + order.id()));
    }

    @Test
    void ordersPageNewestFirstAndACursorIsCheckedNotTrusted() {
        String lamp = shop.product("Lamp", 100, "EUR", 50);
        String ann = "pager-" + System.nanoTime();
        // Distinct creation times: the shop's clock is fixed, so the orders are placed by services
        // whose clocks move on.
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Clock clock = Clock.offset(Shop.CLOCK, Duration.ofMinutes(i));
            CheckoutService at = shop.checkoutAt(clock);
            shop.carts.setLine(ann, lamp, 1, OptionalLong.empty());
            placed.add(at.checkout(ann, "k" + i, Shop.input()).order().id());
        }
        OrderService.OrderPage first = orders.list(ann, Optional.of("2"), Optional.empty());
        assertEquals(List.of(placed.get(2), placed.get(1)), first.items().stream().map(Order::id).toList());
        OrderService.OrderPage second = orders.list(ann, Optional.of("2"), Optional.of(first.nextCursor()));
        assertEquals(List.of(placed.get(0)), second.items().stream().map(Order::id).toList());
        assertNull(second.nextCursor());
        assertEquals(0, orders.list("nobody", Optional.empty(), Optional.empty()).items().size());
        for (String bad : List.of("%%%", "bm90IGEgY3Vyc29y", "x".repeat(500))) {
            assertThrows(BadRequestException.class, () -> orders.list(ann, Optional.empty(), Optional.of(bad)));
        }
        for (String bad : List.of("0", "101", "-1", "1.5", "ten")) {
            assertThrows(BadRequestException.class, () -> orders.list(ann, Optional.of(bad), Optional.empty()));
        }
    }

    @Test
    void anAdminPagesEveryShoppersOrdersByStatusAndReadsAnyOrder() {
        String lamp = shop.product("Lamp", 100, "EUR", 50);
        Order ann = place("admin-view-ann-" + System.nanoTime(), lamp, 1);
        Order bob = place("admin-view-bob-" + System.nanoTime(), lamp, 1);
        orders.cancel(bob.userId(), bob.id());
        List<String> pending = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            OrderService.OrderPage page = orders.listByStatus(Optional.of("PENDING_PAYMENT"), Optional.of("5"), cursor);
            page.items().forEach(order -> pending.add(order.id()));
            page.items().forEach(order -> assertEquals(OrderStatus.PENDING_PAYMENT, order.status()));
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent());
        assertTrue(pending.contains(ann.id()));
        assertFalse(pending.contains(bob.id()));
        assertTrue(orders.listByStatus(Optional.of("CANCELLED"), Optional.empty(), Optional.empty()).items().stream()
                .anyMatch(order -> order.id().equals(bob.id())));
        assertEquals(bob.id(), orders.getAny(bob.id()).id());
        assertThrows(BadRequestException.class, () -> orders.listByStatus(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(BadRequestException.class, () -> orders.listByStatus(Optional.of("pending"), Optional.empty(),
                Optional.empty()));
        assertThrows(NotFoundException.class, () -> orders.getAny("no-such-order"));
    }

    @Test
    void cancellingAPendingOrderGivesItsUnitsBackOnceHoweverOftenItIsSent() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 2);
        Order order = shop.checkout.checkout(ann, "k", Shop.input()).order();
        assertEquals(3, shop.stock(lamp));
        for (Order cancelled : Race.atOnce(Collections.<Callable<Order>>nCopies(8, () -> orders.cancel(ann, order.id())))) {
            assertEquals(OrderStatus.CANCELLED, cancelled.status());
            assertEquals(2, cancelled.version());
        }
        assertEquals(5, shop.stock(lamp), "released exactly once");
        assertEquals(OrderStatus.CANCELLED, orders.get(ann, order.id()).status());
        assertThrows(NotFoundException.class, () -> orders.cancel("someone-else", order.id()));
    }

    @Test
    void ordersLeftUnpaidPastTheWindowExpireAndGiveTheirStockAndCodeBack() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String code = "EXP-" + System.nanoTime() % 100000;
        shop.promotionStore.create(new Promotion(code, Promotion.Kind.PERCENT, 10,
                null, null, "2026-11-01T00:00:00Z", "2027-01-01T00:00:00Z", 5, 1, 0, true, "2026-11-01T00:00:00Z", 1));
        String ann = shop.shopperWith(lamp, 3);
        CheckoutInput withCode = new CheckoutInput(Shop.input().shippingAddress(), code, "pm_card_visa", null);
        Order order = shop.checkout.checkout(ann, "k", withCode).order();
        assertEquals(2, shop.stock(lamp));

        assertEquals(0, new OrderService(shop.orders, Clock.offset(Shop.CLOCK, Duration.ofMinutes(29)))
                .expireUnpaid(Duration.ofMinutes(30)), "within the window: kept");
        OrderService later = new OrderService(shop.orders, Clock.offset(Shop.CLOCK, Duration.ofMinutes(31)));
        assertTrue(later.expireUnpaid(Duration.ofMinutes(30)) >= 1);
        assertEquals(OrderStatus.EXPIRED, orders.get(ann, order.id()).status());
        assertEquals(5, shop.stock(lamp), "the units are on sale again");
        assertEquals(0, shop.promotionStore.find(code).orElseThrow().redemptions());
        later.expireUnpaid(Duration.ofMinutes(30));
        assertEquals(5, shop.stock(lamp), "expired once");
        assertThrows(DomainException.class, () -> orders.cancel(ann, order.id()), "an expired order is not cancellable");
    }

    @Test
    void aPaidOrderIsCancelledThroughARefundAndKeepsItsUnitsUntilThen() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order order = place("paid-" + System.nanoTime(), lamp, 2);
        Order paid = shop.orders.markPaid(order, "ch_1", "2026-11-21T10:01:00.000Z");
        List<Order> answers = Race.atOnce(Collections.<Callable<Order>>nCopies(6,
                () -> orders.cancel(order.userId(), order.id())));
        for (Order cancelling : answers) {
            assertEquals(OrderStatus.CANCELLING, cancelling.status());
            assertEquals(paid.version() + 1, cancelling.version(), "moved once, however often it was sent");
        }
        assertEquals(3, shop.stock(lamp), "the units come back with the refund, not before");
        assertEquals(OrderStatus.CANCELLING, orders.cancelAny(order.id()).status(), "an admin's cancel is the same no-op");
    }

    @Test
    void anAdminCancelsAnyoneSOrderAwaitingPayment() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order order = place("someone-" + System.nanoTime(), lamp, 1);
        assertEquals(OrderStatus.CANCELLED, orders.cancelAny(order.id()).status());
        assertEquals(5, shop.stock(lamp));
        assertThrows(NotFoundException.class, () -> orders.cancelAny("no-such-order"));
    }

    @Test
    void anOrderHandedToFulfilmentCannotBeCancelled() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order order = place("fulfilling-" + System.nanoTime(), lamp, 1);
        Order paid = shop.orders.markPaid(order, "ch_1", "2026-11-21T10:01:00.000Z");
        shop.orders.move(paid, OrderStatus.FULFILLING, "2026-11-21T10:02:00.000Z");
        DomainException refused = assertThrows(DomainException.class, () -> orders.cancel(order.userId(), order.id()));
        assertEquals(OrderService.NOT_CANCELLABLE, refused.type());
        assertEquals(4, shop.stock(lamp), "nothing released");
    }

    @Test
    void aFailedOrderCannotBeCancelled() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order order = place("paid-" + System.nanoTime(), lamp, 1);
        shop.aws.dynamoDb().updateItem(b -> b.tableName(shop.aws.tableName("OrdersTable"))
                .key(Map.of("orderId", AttributeValue.fromS(order.id())))
                .updateExpression("SET #s = :paid, #v = :v").expressionAttributeNames(Map.of("#s", "status", "#v", "version"))
                .expressionAttributeValues(Map.of(":paid", AttributeValue.fromS("PAYMENT_FAILED"), ":v", AttributeValue.fromN("2"))));
        DomainException refused = assertThrows(DomainException.class, () -> orders.cancel(order.userId(), order.id()));
        assertEquals(OrderService.NOT_CANCELLABLE, refused.type());
        assertEquals(4, shop.stock(lamp), "nothing released");
    }
}
