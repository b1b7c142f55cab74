package kiosk.jobs.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.catalog.product.Product;
import kiosk.catalog.product.ProductStatus;
import kiosk.emulator.LocalAws;
import kiosk.orders.cart.CartService;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.cart.DynamoDbProductCatalog;
import kiosk.orders.checkout.Address;
import kiosk.orders.checkout.CheckoutInput;
import kiosk.orders.checkout.CheckoutService;
import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderService;
import kiosk.orders.checkout.OrderStatus;
import kiosk.orders.checkout.OrderStore;
import kiosk.orders.checkout.ShippingRates;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.orders.promotion.Promotion;
import kiosk.orders.promotion.PromotionService;
import kiosk.shared.money.Money;
import kiosk.testkit.LocalAwsExtension;
import kiosk.testkit.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment job's decisions against DynamoDB Local and the simulated gateway (its ledger in the
 * template's PaymentSimulatorTable): charged once however often it runs, a decline gives stock and
 * code back exactly, a crash between charge and status write charges once, an outage changes nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class PaymentServiceIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private final LocalAws aws;
    private final DynamoDbProductStore products;
    private final CartService carts;
    private final DynamoDbOrderStore orders;
    private final DynamoDbPromotionStore promotionStore;
    private final CheckoutService checkout;
    private final DynamoDbSimulatorStore simulator;
    private final SimulatedGateway gateway;
    private final PaymentService payments;

    PaymentServiceIT(LocalAws aws) {
        this.aws = aws;
        this.products = new DynamoDbProductStore(aws.dynamoDb(), aws.tableName("ProductsTable"));
        DynamoDbCartStore cartStore = new DynamoDbCartStore(aws.dynamoDb(), aws.tableName("CartsTable"));
        DynamoDbProductCatalog catalog = new DynamoDbProductCatalog(aws.dynamoDb(), aws.tableName("ProductsTable"));
        this.carts = new CartService(cartStore, catalog, CLOCK);
        this.orders = new DynamoDbOrderStore(aws.dynamoDb(), new DynamoDbOrderStore.Tables(aws.tableName("OrdersTable"),
                aws.tableName("ProductsTable"), aws.tableName("CartsTable"), aws.tableName("IdempotencyTable"),
                aws.tableName("PromotionsTable")));
        this.promotionStore = new DynamoDbPromotionStore(aws.dynamoDb(), aws.tableName("PromotionsTable"));
        this.checkout = new CheckoutService(cartStore, catalog, orders, new PromotionService(promotionStore, CLOCK),
                ShippingRates.parse("EUR:495:5000"), CLOCK, () -> UUID.randomUUID().toString());
        this.simulator = new DynamoDbSimulatorStore(aws.dynamoDb(), aws.tableName("PaymentSimulatorTable"));
        simulator.setSwitches(SimulatorStore.Switches.NORMAL);
        this.gateway = new SimulatedGateway(simulator, CLOCK);
        this.payments = new PaymentService(orders, gateway, CLOCK);
    }

    private String product(int stock) {
        String id = UUID.randomUUID().toString();
        products.create(new Product(id, "Lamp", "", "misc", new Money(1999L, "EUR"), stock, ProductStatus.ACTIVE, 1,
                "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        return id;
    }

    private Order placed(String product, int quantity, String paymentMethod, String promoCode) {
        String user = "shopper-" + UUID.randomUUID();
        carts.setLine(user, product, quantity, OptionalLong.empty());
        return checkout.checkout(user, "k", new CheckoutInput(new Address("Ann Example", List.of("Hauptstrasse 1"),
                "Berlin", "10115", "DE"), promoCode, paymentMethod, null)).order();
    }

    private OrderStatus status(Order order) {
        return orders.find(order.id()).orElseThrow().status();
    }

    private List<SimulatorStore.Entry> ledgerOf(Order order) {
        return simulator.ledger().stream().filter(e -> e.orderId().equals(order.id())).toList();
    }

    @Test
    void anOrderIsChargedItsTotalOnceAndPaid() {
        Order order = placed(product(5), 2, "pm_card_visa", null);
        assertEquals(PaymentService.Outcome.PAID, payments.settle(order.id()));
        assertEquals(OrderStatus.PAID, status(order));
        assertEquals(2, orders.find(order.id()).orElseThrow().version());
        List<SimulatorStore.Entry> ledger = ledgerOf(order);
        assertEquals(1, ledger.size());
        assertEquals(order.totals().total(), ledger.get(0).amount());
        assertEquals("SUCCEEDED", ledger.get(0).outcome());
    }

    @Test
    void everyMessageDeliveredTwiceAndAtOnceChargesOnce() throws Exception {
        String lamp = product(40);
        List<Order> placed = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            placed.add(placed(lamp, 1, "pm_card_visa", null));
        }
        for (Order order : placed) {
            List<PaymentService.Outcome> outcomes = Race.atOnce(List.of(() -> payments.settle(order.id()),
                    () -> payments.settle(order.id())));
            assertEquals(List.of("ALREADY_DONE", "PAID"), outcomes.stream().map(Enum::name).sorted().toList(),
                    "one pays, the other finds it done");
            assertEquals(1, ledgerOf(order).size(), "one charge for " + order.id());
            assertEquals(OrderStatus.PAID, status(order));
        }
    }

    @Test
    void aDeclineFailsTheOrderAndGivesBackExactlyItsStockAndItsCode() {
        String lamp = product(5);
        promotionStore.create(new Promotion("DECLINE5", Promotion.Kind.PERCENT, 5, null, null, "2026-11-01T00:00:00Z",
                "2027-01-01T00:00:00Z", 10, 1, 0, true, "2026-11-01T00:00:00Z", 1));
        Order order = placed(lamp, 3, "pm_card_chargeDeclinedInsufficientFunds", "DECLINE5");
        assertEquals(2, products.find(lamp).orElseThrow().stock());
        assertEquals(1, promotionStore.find("DECLINE5").orElseThrow().redemptions());
        assertEquals(PaymentService.Outcome.DECLINED, payments.settle(order.id()));
        assertEquals(OrderStatus.PAYMENT_FAILED, status(order));
        assertEquals(5, products.find(lamp).orElseThrow().stock());
        assertEquals(0, promotionStore.find("DECLINE5").orElseThrow().redemptions());
        assertEquals("insufficient_funds", ledgerOf(order).get(0).declineCode());
        assertEquals(PaymentService.Outcome.ALREADY_DONE, payments.settle(order.id()), "delivered again: nothing twice");
        assertEquals(5, products.find(lamp).orElseThrow().stock());
    }

    @Test
    void aCrashBetweenTheChargeAndTheStatusWriteChargesOnceWhenTheMessageComesBack() {
        Order order = placed(product(5), 1, "pm_card_visa", null);
        // The first delivery charged, then died before writing PAID.
        gateway.charge(new PaymentGateway.ChargeRequest(PaymentService.chargeKey(order.id()), order.id(),
                order.totals().total(), order.currency(), order.paymentMethod()));
        assertEquals(OrderStatus.PENDING_PAYMENT, status(order));
        assertEquals(PaymentService.Outcome.PAID, payments.settle(order.id()));
        assertEquals(1, ledgerOf(order).size(), "the redelivery met the first charge");
        assertEquals(OrderStatus.PAID, status(order));
    }

    @Test
    void anOutageChangesNothingAndTheOrderIsChargedOnceWhenTheGatewayIsBack() {
        Order order = placed(product(5), 1, "pm_card_visa", null);
        simulator.setSwitches(new SimulatorStore.Switches(true, 0));
        try {
            for (int i = 0; i < 3; i++) {
                assertThrows(GatewayUnavailableException.class, () -> payments.settle(order.id()));
            }
            assertEquals(OrderStatus.PENDING_PAYMENT, status(order));
            assertEquals(List.of(), ledgerOf(order));
        } finally {
            simulator.setSwitches(SimulatorStore.Switches.NORMAL);
        }
        assertEquals(PaymentService.Outcome.PAID, payments.settle(order.id()));
        assertEquals(1, ledgerOf(order).size());
    }

    @Test
    void aRetryTokenIsUnavailableOnceThenCharged() {
        Order order = placed(product(5), 1, "pm_card_retry", null);
        assertThrows(GatewayUnavailableException.class, () -> payments.settle(order.id()));
        assertEquals(PaymentService.Outcome.PAID, payments.settle(order.id()));
        assertEquals(1, ledgerOf(order).size());
    }

    @Test
    void anOrderThatExpiredAfterItWasChargedIsRefundedNotPaid() {
        String lamp = product(5);
        Order order = placed(lamp, 1, "pm_card_visa", null);
        // Charged by a delivery that died; then the order expired and gave its unit back.
        gateway.charge(new PaymentGateway.ChargeRequest(PaymentService.chargeKey(order.id()), order.id(),
                order.totals().total(), order.currency(), order.paymentMethod()));
        expiringAfter(orders).expireUnpaid(Duration.ofMinutes(30));
        assertEquals(OrderStatus.EXPIRED, status(order));
        assertEquals(PaymentService.Outcome.REFUNDED, payments.settle(order.id()));
        assertEquals(PaymentService.Outcome.ALREADY_DONE, payments.settle(order.id()), "again: the refund is recorded, no second");
        List<SimulatorStore.Entry> ledger = ledgerOf(order);
        assertEquals(List.of("REFUNDED", "SUCCEEDED"), ledger.stream().map(SimulatorStore.Entry::outcome).sorted().toList());
        assertEquals(OrderStatus.EXPIRED, status(order));
        assertEquals(5, products.find(lamp).orElseThrow().stock());
    }

    private int stock(String product) {
        return products.find(product).orElseThrow().stock();
    }

    private static OrderService expiringAfter(OrderStore orders) {
        return new OrderService(orders, Clock.offset(CLOCK, Duration.ofHours(1)));
    }

    @Test
    void expiryFirstThenThePaymentJobChargesNothing() {
        String lamp = product(5);
        Order order = placed(lamp, 2, "pm_card_visa", null);
        // Other tests' unpaid orders share the table: at least this one expires.
        assertTrue(expiringAfter(orders).expireUnpaid(Duration.ofMinutes(30)) >= 1);
        assertEquals(PaymentService.Outcome.ALREADY_DONE, payments.settle(order.id()));
        assertEquals(List.of(), ledgerOf(order), "an expired order is never charged");
        assertEquals(OrderStatus.EXPIRED, status(order));
        assertEquals(5, stock(lamp));
    }

    @Test
    void paymentFirstThenExpiryLeavesThePaidOrderAlone() {
        String lamp = product(5);
        Order order = placed(lamp, 2, "pm_card_visa", null);
        assertEquals(PaymentService.Outcome.PAID, payments.settle(order.id()));
        expiringAfter(orders).expireUnpaid(Duration.ofMinutes(30));
        assertEquals(OrderStatus.PAID, status(order), "expiry passes the paid order over");
        assertEquals(3, stock(lamp), "the paid order keeps its units");
        assertEquals(1, ledgerOf(order).size());
    }

    /**
     * The race at its narrowest: the order expires after the gateway charged it and before the job
     * writes PAID. The conditional write loses, the job reads the order again, finds it expired and
     * refunds the charge, once, recording why.
     */
    @Test
    void expiryBetweenTheChargeAndThePaidWriteEndsInARefundRecordedOnTheOrder() {
        String lamp = product(5);
        Order order = placed(lamp, 1, "pm_card_visa", null);
        PaymentGateway expiresWhileCharging = new DelegatingGateway(gateway) {
            @Override
            public Charge charge(ChargeRequest request) {
                Charge charge = super.charge(request);
                assertTrue(expiringAfter(orders).expireUnpaid(Duration.ofMinutes(30)) >= 1);
                return charge;
            }
        };
        PaymentService racing = new PaymentService(orders, expiresWhileCharging, CLOCK);
        assertEquals(PaymentService.Outcome.REFUNDED, racing.settle(order.id()));
        assertEquals(OrderStatus.EXPIRED, status(order));
        assertEquals(5, stock(lamp), "expired: the unit is on sale again");
        assertEquals(List.of("REFUNDED", "SUCCEEDED"), ledgerOf(order).stream().map(SimulatorStore.Entry::outcome).sorted()
                .toList());
        OrderStore.Refund refund = orders.findRefund(order.id()).orElseThrow();
        assertEquals("expired while its payment was being taken", refund.reason());
        Order.Payment shown = orders.find(order.id()).orElseThrow().payment();
        assertEquals(refund.refundId(), shown.refundId(), "what the order's JSON shows its shopper");
        assertEquals(refund.reason(), shown.refundReason());
        assertEquals(ledgerOf(order).stream().filter(e -> e.outcome().equals("SUCCEEDED")).findFirst().orElseThrow().id(),
                shown.chargeId());
        assertEquals(PaymentService.Outcome.ALREADY_DONE, payments.settle(order.id()), "delivered again: nothing more");
        assertEquals(2, ledgerOf(order).size());
    }

    @Test
    void aPaidOrderCancelledIsRefundedOnceThenCancelledWithItsStockAndCodeBack() throws Exception {
        String lamp = product(5);
        promotionStore.create(new Promotion("REFUND5", Promotion.Kind.PERCENT, 5, null, null, "2026-11-01T00:00:00Z",
                "2027-01-01T00:00:00Z", 10, 1, 0, true, "2026-11-01T00:00:00Z", 1));
        Order order = placed(lamp, 2, "pm_card_visa", "REFUND5");
        assertEquals(PaymentService.Outcome.PAID, payments.settle(order.id()));
        OrderService shopper = new OrderService(orders, CLOCK);
        assertEquals(OrderStatus.CANCELLING, shopper.cancel(order.userId(), order.id()).status());
        assertEquals(3, stock(lamp), "not back before the money is");

        simulator.setSwitches(new SimulatorStore.Switches(true, 0));
        try {
            assertThrows(GatewayUnavailableException.class, () -> payments.settle(order.id()), "a refund retries like a charge");
            assertEquals(OrderStatus.CANCELLING, status(order));
        } finally {
            simulator.setSwitches(SimulatorStore.Switches.NORMAL);
        }
        List<PaymentService.Outcome> twice = Race.atOnce(List.of(() -> payments.settle(order.id()),
                () -> payments.settle(order.id())));
        assertTrue(twice.contains(PaymentService.Outcome.REFUNDED), twice.toString());
        assertEquals(OrderStatus.CANCELLED, status(order));
        assertEquals(5, stock(lamp), "the units back once");
        assertEquals(0, promotionStore.find("REFUND5").orElseThrow().redemptions());
        List<SimulatorStore.Entry> ledger = ledgerOf(order);
        assertEquals(List.of("REFUNDED", "SUCCEEDED"), ledger.stream().map(SimulatorStore.Entry::outcome).sorted().toList(),
                "one charge, one refund");
        assertEquals(PaymentService.CANCELLED_AFTER_PAYMENT, orders.findRefund(order.id()).orElseThrow().reason());
        Order.Payment shown = orders.find(order.id()).orElseThrow().payment();
        assertEquals(PaymentService.CANCELLED_AFTER_PAYMENT, shown.refundReason());
        assertTrue(shown.chargeId().startsWith("ch_sim_") && shown.refundId().startsWith("re_sim_"), shown.toString());
        assertEquals(PaymentService.Outcome.ALREADY_DONE, payments.settle(order.id()));
    }

    /** A gateway that passes every call on: tests override the call they interleave with. */
    private static class DelegatingGateway implements PaymentGateway {
        private final PaymentGateway inner;

        DelegatingGateway(PaymentGateway inner) {
            this.inner = inner;
        }

        @Override
        public Charge charge(ChargeRequest request) {
            return inner.charge(request);
        }

        @Override
        public Optional<Charge> findCharge(String idempotencyKey) {
            return inner.findCharge(idempotencyKey);
        }

        @Override
        public String refund(RefundRequest request) {
            return inner.refund(request);
        }
    }

    @Test
    void aMessageForAnOrderThatDoesNotExistIsPoison() {
        assertThrows(UnknownOrderException.class, () -> payments.settle("no-such-order"));
    }

    @Test
    void theSameKeyCannotChargeAnotherAmount() {
        String key = "order-x-" + UUID.randomUUID();
        gateway.charge(new PaymentGateway.ChargeRequest(key, "x", 100, "EUR", "pm_card_visa"));
        assertThrows(IllegalStateException.class,
                () -> gateway.charge(new PaymentGateway.ChargeRequest(key, "x", 200, "EUR", "pm_card_visa")));
    }
}
