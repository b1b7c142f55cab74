package kiosk.orders.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import kiosk.catalog.product.ProductChanges;
import kiosk.emulator.LocalAws;
import kiosk.orders.promotion.Promotion;
import kiosk.orders.promotion.PromotionProblems;
import kiosk.shared.error.DomainException;
import kiosk.shared.money.Money;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checkout against DynamoDB Local: the transaction, the key, the totals, and real races with exact counts. */
@ExtendWith(LocalAwsExtension.class)
class CheckoutServiceIT {

    private final Shop shop;

    CheckoutServiceIT(LocalAws aws) {
        this.shop = new Shop(aws);
    }

    @Test
    void aCartBecomesAnOrderAtTheCatalogsPricesTakingStockAndEmptyingTheCart() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String mug = shop.product("Mug", 850, "EUR", 10);
        String ann = shop.shopperWith(lamp, 2);
        shop.carts.setLine(ann, mug, 1, OptionalLong.empty());

        CheckoutService.Result result = shop.checkout.checkout(ann, "key-1", Shop.input());
        Order order = result.order();
        assertFalse(result.replayed());
        assertEquals(OrderStatus.PENDING_PAYMENT, order.status());
        assertEquals(3998 + 850, order.totals().subtotal());
        assertEquals(495, order.totals().shipping(), "under the free-shipping threshold of 50.00 EUR");
        assertEquals(4848 + 495, order.totals().total());
        assertEquals(List.of(new Order.Line(lamp, "Lamp", new Money(1999L, "EUR"), 2, new Money(3998L, "EUR")),
                new Order.Line(mug, "Mug", new Money(850L, "EUR"), 1, new Money(850L, "EUR"))), order.lines());
        assertEquals(order, shop.orders.find(order.id()).orElseThrow(), "stored field for field");
        assertEquals(3, shop.stock(lamp));
        assertEquals(9, shop.stock(mug));
        assertEquals(0, shop.carts.view(ann).lines().size());
        assertEquals(3, shop.carts.view(ann).version(), "the cart moved on: an old tab cannot check it out again");
    }

    @Test
    void shippingIsFreeFromTheThreshold() {
        String desk = shop.product("Desk", 5000, "EUR", 1);
        Order order = shop.checkout.checkout(shop.shopperWith(desk, 1), "k", Shop.input()).order();
        assertEquals(0, order.totals().shipping());
        assertEquals(5000, order.totals().total());
    }

    @Test
    void theSameKeyAndBodyAnswersTheSameOrderOnceAndAnotherBodyIs422() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        Order first = shop.checkout.checkout(ann, "retry-me", Shop.input()).order();
        CheckoutService.Result again = shop.checkout.checkout(ann, "retry-me", Shop.input());
        assertTrue(again.replayed());
        assertEquals(first, again.order());
        assertEquals(4, shop.stock(lamp), "one sale, however often it was sent");

        CheckoutInput spaced = new CheckoutInput(new Address(" Ann Example", List.of("Hauptstrasse 1 "), "Berlin ", "10115",
                "DE"), null, "pm_card_visa", null);
        assertEquals(first, shop.checkout.checkout(ann, "retry-me", spaced).order(),
                "the address as stored (trimmed) is the same request");

        shop.carts.setLine(ann, lamp, 2, OptionalLong.empty());
        CheckoutInput other = new CheckoutInput(new Address("Bob", List.of("Elsewhere 2"), "Paris", "75001", "FR"), null,
                "pm_card_visa", null);
        DomainException reused = assertThrows(DomainException.class, () -> shop.checkout.checkout(ann, "retry-me", other));
        assertEquals(CheckoutProblems.KEY_REUSED, reused.type());
        assertEquals(4, shop.stock(lamp));
        assertEquals(2, shop.carts.view(ann).lines().get(0).quantity(), "the new cart is untouched");
        assertEquals(1, shop.ordersOf(ann));
    }

    @Test
    void aKeyBelongsToItsShopper() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        Order ann = shop.checkout.checkout(shop.shopperWith(lamp, 1), "shared-key", Shop.input()).order();
        CheckoutService.Result bob = shop.checkout.checkout(shop.shopperWith(lamp, 1), "shared-key", Shop.input());
        assertFalse(bob.replayed());
        assertFalse(ann.id().equals(bob.order().id()));
        assertEquals(3, shop.stock(lamp));
    }

    @Test
    void aTotalOtherThanExpectedIs409AndWritesNothing() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        DomainException changed = assertThrows(DomainException.class,
                () -> shop.checkout.checkout(ann, "k", Shop.expecting(1999, "EUR")));
        assertEquals(CheckoutProblems.PRICE_CHANGED, changed.type());
        assertTrue(changed.getMessage().contains("2494"), changed.getMessage());
        assertEquals(5, shop.stock(lamp));
        assertEquals(1, shop.carts.view(ann).lines().size());
        assertEquals(0, shop.ordersOf(ann));
        assertEquals(2494, shop.checkout.checkout(ann, "k2", Shop.expecting(2494, "EUR")).order().totals().total());
    }

    @Test
    void anEmptyCartAndShortLinesAre409sNamingTheLinesAndWriteNothing() {
        assertEquals(CheckoutProblems.CART_EMPTY, assertThrows(DomainException.class,
                () -> shop.checkout.checkout("nobody-" + System.nanoTime(), "k", Shop.input())).type());
        String plenty = shop.product("Plenty", 100, "EUR", 50);
        String scarce = shop.product("Scarce", 100, "EUR", 2);
        String ann = shop.shopperWith(plenty, 3);
        shop.carts.setLine(ann, scarce, 5, OptionalLong.empty());
        DomainException refused = assertThrows(DomainException.class, () -> shop.checkout.checkout(ann, "k", Shop.input()));
        assertEquals(CheckoutProblems.INSUFFICIENT_STOCK, refused.type());
        assertEquals("/lines/1", refused.errors().get(0).pointer());
        assertEquals("only 2 left", refused.errors().get(0).detail());
        assertEquals(1, refused.errors().size());
        assertEquals(50, shop.stock(plenty));
        assertEquals(2, shop.stock(scarce));
        assertEquals(0, shop.ordersOf(ann));
    }

    @Test
    void fiftyShoppersRacingForTheLastTenUnitsPlaceExactlyTenOrders() throws Exception {
        String last = shop.product("Last ten", 1000, "EUR", 10);
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            shoppers.add(shop.shopperWith(last, 1));
        }
        List<Boolean> results = Race.atOnce(shoppers.stream().map(shopper -> (Callable<Boolean>) () -> {
            try {
                shop.checkout.checkout(shopper, "race", Shop.input());
                return true;
            } catch (DomainException e) {
                assertEquals(CheckoutProblems.INSUFFICIENT_STOCK, e.type(), e.getMessage());
                return false;
            }
        }).toList());
        assertEquals(10, results.stream().filter(placed -> placed).count());
        assertEquals(0, shop.stock(last), "sold out, never below");
        long orders = shoppers.stream().mapToLong(shop::ordersOf).sum();
        assertEquals(10, orders);
    }

    @Test
    void eightRequestsWithOneKeyPlaceOneOrderAndAllAnswerIt() throws Exception {
        String lamp = shop.product("Lamp", 1999, "EUR", 20);
        String ann = shop.shopperWith(lamp, 2);
        List<CheckoutService.Result> results = Race.atOnce(Collections.<Callable<CheckoutService.Result>>nCopies(8,
                () -> shop.checkout.checkout(ann, "double-click", Shop.input())));
        Set<String> orderIds = new HashSet<>();
        int fresh = 0;
        for (CheckoutService.Result result : results) {
            orderIds.add(result.order().id());
            fresh += result.replayed() ? 0 : 1;
        }
        assertEquals(1, orderIds.size());
        assertEquals(1, fresh, "one placed it, seven answered it as a replay");
        assertEquals(1, shop.ordersOf(ann));
        assertEquals(18, shop.stock(lamp));
    }

    private Promotion promotion(String code, int max, int perCustomer) {
        Promotion p = new Promotion(code, Promotion.Kind.PERCENT, 10, null, null, "2026-11-01T00:00:00Z",
                "2027-01-01T00:00:00Z", max, perCustomer, 0, true, "2026-11-01T00:00:00Z", 1);
        shop.promotionStore.create(p);
        return p;
    }

    private static CheckoutInput withCode(String code) {
        CheckoutInput base = Shop.input();
        return new CheckoutInput(base.shippingAddress(), code, base.paymentMethod(), null);
    }

    @Test
    void aCodeTakesItsDiscountAndCountsOneRedemptionWhichACancellationGivesBack() {
        String code = "TEN-" + System.nanoTime() % 100000;
        promotion(code, 5, 1);
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 3);
        Order order = shop.checkout.checkout(ann, "k", withCode(code)).order();
        assertEquals(5997, order.totals().subtotal());
        assertEquals(599, order.totals().discount(), "10% of 59.97, rounded down to the cent");
        assertEquals(5398, order.totals().total(), "5398 is past the free-shipping threshold: no shipping");
        assertEquals(1, shop.promotionStore.find(code).orElseThrow().redemptions());
        assertEquals(1, shop.promotionStore.redeemedBy(code, ann));

        shop.carts.setLine(ann, lamp, 1, OptionalLong.empty());
        DomainException again = assertThrows(DomainException.class, () -> shop.checkout.checkout(ann, "k2", withCode(code)));
        assertEquals(PromotionProblems.LIMIT_REACHED, again.type());

        new OrderService(shop.orders, Shop.CLOCK).cancel(ann, order.id());
        assertEquals(0, shop.promotionStore.find(code).orElseThrow().redemptions());
        assertEquals(0, shop.promotionStore.redeemedBy(code, ann));
        assertEquals(199, shop.checkout.checkout(ann, "k3", withCode(code)).order().totals().discount(),
                "the code can be used again after the cancellation gave it back");
    }

    @Test
    void twentyCheckoutsRacingForAFiveUseCodeRedeemItExactlyFiveTimes() throws Exception {
        String code = "FIVE-" + System.nanoTime() % 100000;
        promotion(code, 5, 1);
        String lamp = shop.product("Lamp", 1000, "EUR", 100);
        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add(shop.shopperWith(lamp, 1));
        }
        List<Boolean> results = Race.atOnce(shoppers.stream().map(shopper -> (Callable<Boolean>) () -> {
            try {
                shop.checkout.checkout(shopper, "race", withCode(code));
                return true;
            } catch (DomainException e) {
                assertEquals(PromotionProblems.EXHAUSTED, e.type(), e.getMessage());
                return false;
            }
        }).toList());
        assertEquals(5, results.stream().filter(redeemed -> redeemed).count());
        assertEquals(5, shop.promotionStore.find(code).orElseThrow().redemptions());
        assertEquals(95, shop.stock(lamp), "a checkout refused for its code took no stock");
    }

    @Test
    void aShopperHoldsAtMostFiveUnpaidOrders() {
        String lamp = shop.product("Lamp", 100, "EUR", 100);
        String ann = shop.shopperWith(lamp, 1);
        for (int i = 0; i < CheckoutService.MAX_PENDING_ORDERS; i++) {
            shop.carts.setLine(ann, lamp, 1, OptionalLong.empty());
            shop.checkout.checkout(ann, "hoard-" + i, Shop.input());
        }
        shop.carts.setLine(ann, lamp, 1, OptionalLong.empty());
        DomainException refused = assertThrows(DomainException.class, () -> shop.checkout.checkout(ann, "hoard-6", Shop.input()));
        assertEquals(CheckoutProblems.TOO_MANY_PENDING, refused.type());
        assertEquals(95, shop.stock(lamp));
    }

    @Test
    void anAdminsEditNeverFailsASaleNorASaleAnEdit() {
        String lamp = shop.product("Lamp", 1999, "EUR", 5);
        String ann = shop.shopperWith(lamp, 1);
        shop.products.update(lamp, new ProductChanges("Lamp, renamed", "", "misc", new Money(1999L, "EUR")), 1,
                "2026-11-21T10:00:00Z");
        Order order = shop.checkout.checkout(ann, "k", Shop.input()).order();
        assertEquals("Lamp, renamed", order.lines().get(0).name());
        assertEquals(3, shop.products.update(lamp, new ProductChanges("Lamp again", "", "misc", new Money(1999L, "EUR")), 2,
                "2026-11-21T10:01:00Z").version(), "the sale did not move the version the admin holds");
        assertEquals(4, shop.stock(lamp));
    }
}
