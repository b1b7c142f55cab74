package kiosk.fulfilment.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.OrderStatus;
import org.junit.jupiter.api.Test;

/** The notification job's rules on in-memory fakes: what each change says, once, and how its email goes. */
class NotificationServiceTest {

    private static final String USER = "u-1";
    private static final String ADDRESS = "sam@example.com";
    private static final String AT = "2026-11-21T10:05:00.000Z";

    private final Map<String, Order> orders = new HashMap<>();
    private final InMemoryNotificationStore inbox = new InMemoryNotificationStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Map<String, String> addresses = new HashMap<>(Map.of(USER, ADDRESS));

    private NotificationService logged() {
        return new NotificationService(id -> Optional.ofNullable(orders.get(id)), inbox, new LogDelivery());
    }

    private NotificationService emailed() {
        return new NotificationService(id -> Optional.ofNullable(orders.get(id)), inbox,
                new EmailDelivery(userId -> Optional.ofNullable(addresses.get(userId)), mailer, "shop@example.com"));
    }

    private StatusChange changeOf(Order order) {
        orders.put(order.id(), order);
        return new StatusChange(order.id(), order.status(), Instant.parse(order.updatedAt()));
    }

    private List<Notification> inboxOf(String userId) {
        return inbox.list(userId, 100, Optional.empty()).items();
    }

    @Test
    void eachChangeAShopperHearsOfIsWrittenWithItsWords() {
        NotificationService service = logged();
        service.notify(changeOf(OrderFixtures.paid("o-paid", USER, OrderStatus.PAID, "2026-11-21T10:01:00.000Z")));
        service.notify(changeOf(OrderFixtures.order("o-failed", USER, OrderStatus.PAYMENT_FAILED,
                "2026-11-21T10:02:00.000Z", null, null)));
        service.notify(changeOf(OrderFixtures.shipped("o-shipped", USER, "2026-11-21T10:03:00.000Z")));
        service.notify(changeOf(OrderFixtures.paid("o-delivered", USER, OrderStatus.DELIVERED, "2026-11-21T10:04:00.000Z")));
        service.notify(changeOf(OrderFixtures.refunded("o-refunded", USER, "2026-11-21T10:05:00.000Z")));
        service.notify(changeOf(OrderFixtures.order("o-cancelled", USER, OrderStatus.CANCELLED,
                "2026-11-21T10:06:00.000Z", null, null)));

        List<Notification> written = inboxOf(USER);
        assertEquals(List.of("o-cancelled", "o-refunded", "o-delivered", "o-shipped", "o-failed", "o-paid"),
                written.stream().map(Notification::orderId).toList(), "newest first");
        Map<String, Notification> byOrder = new HashMap<>();
        written.forEach(n -> byOrder.put(n.orderId(), n));

        Notification confirmed = byOrder.get("o-paid");
        assertEquals(NotificationType.ORDER_CONFIRMED, confirmed.type());
        assertEquals("Order confirmed", confirmed.title());
        assertTrue(confirmed.body().contains("payment of EUR 19.95"), confirmed.body());
        assertEquals("1795255260000-o-paid-ORDER_CONFIRMED", confirmed.id());
        assertEquals("2026-11-21T10:01:00.000Z", confirmed.createdAt(), "when the order took the status");
        assertEquals(new Notification.Data(1995L, "EUR", null, null), confirmed.data());
        assertFalse(confirmed.read());
        assertEquals(Notification.EmailStatus.NONE, confirmed.email(), "no sender, no email");

        assertEquals(NotificationType.PAYMENT_FAILED, byOrder.get("o-failed").type());
        assertEquals("Payment failed", byOrder.get("o-failed").title());
        assertTrue(byOrder.get("o-failed").body().contains("did not go through"));

        Notification shipped = byOrder.get("o-shipped");
        assertEquals(NotificationType.ORDER_SHIPPED, shipped.type());
        assertEquals("Order shipped", shipped.title());
        assertEquals("Your order is on its way with DHL. Tracking number: 00340434161234567890.", shipped.body());
        assertEquals(new Notification.Data(1995L, "EUR", "DHL", "00340434161234567890"), shipped.data());

        assertEquals(NotificationType.ORDER_DELIVERED, byOrder.get("o-delivered").type());
        assertEquals("Order delivered", byOrder.get("o-delivered").title());

        assertEquals(NotificationType.ORDER_CANCELLED, byOrder.get("o-refunded").type());
        assertTrue(byOrder.get("o-refunded").body().contains("Your payment of EUR 19.95 was refunded"),
                byOrder.get("o-refunded").body());
        assertEquals("Your order was cancelled.", byOrder.get("o-cancelled").body(), "no refund to mention");
    }

    @Test
    void deliveredNamesTheTrackingTooForAShopperWhoseShippedCameLateOrNotAtAll() {
        NotificationService service = logged();
        service.notify(changeOf(OrderFixtures.order("o-overtaken", USER, OrderStatus.DELIVERED, AT,
                new Order.Payment("ch_1", null, null), new Order.Shipment("shp_1", AT, OrderFixtures.DHL,
                        OrderFixtures.TRACKING, AT, AT, null))));
        Notification delivered = inboxOf(USER).get(0);
        assertEquals(NotificationType.ORDER_DELIVERED, delivered.type());
        assertEquals(OrderFixtures.TRACKING, delivered.data().trackingNumber());
        assertEquals("Your order was delivered by DHL (tracking number " + OrderFixtures.TRACKING
                + "). We hope you enjoy it.", delivered.body());
    }

    @Test
    void everyOtherStatusIsPassedOverWithoutReadingTheOrder() {
        NotificationService service = new NotificationService(id -> {
            throw new AssertionError("the order is not read for a status nobody is told of");
        }, inbox, new LogDelivery());
        for (OrderStatus status : List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.FULFILLING, OrderStatus.EXPIRED,
                OrderStatus.CANCELLING, OrderStatus.RETURNED)) {
            assertEquals(NotificationService.Outcome.PASSED_OVER,
                    service.notify(new StatusChange("o-1", status, Instant.parse(AT))), status.name());
        }
        assertEquals(List.of(), inboxOf(USER));
    }

    @Test
    void theSameChangeToldTwiceIsOneNotificationAndOneLogLine() {
        NotificationService service = logged();
        StatusChange change = changeOf(OrderFixtures.shipped("o-1", USER, AT));
        List<String> lines = LogCapture.of(() -> {
            assertEquals(NotificationService.Outcome.WRITTEN, service.notify(change));
            assertEquals(NotificationService.Outcome.REPEATED, service.notify(change));
            assertEquals(NotificationService.Outcome.REPEATED, service.notify(
                    new StatusChange("o-1", OrderStatus.SHIPPED, Instant.parse(AT))));
        });
        assertEquals(1, inboxOf(USER).size());
        List<String> told = lines.stream().filter(l -> l.contains("\"message\":\"notification\"")).toList();
        assertEquals(1, told.size(), lines::toString);
        assertTrue(told.get(0).contains("\"type\":\"ORDER_SHIPPED\"") && told.get(0).contains("\"orderId\":\"o-1\"")
                && told.get(0).contains("\"userId\":\"u-1\""), told.get(0));
    }

    @Test
    void anOrderThatIsNotThereIsUnknown() {
        assertThrows(UnknownOrderException.class, () -> logged().notify(new StatusChange("o-missing", OrderStatus.PAID,
                Instant.parse(AT))));
        assertEquals(List.of(), inboxOf(USER));
    }

    @Test
    void anEmailIsSentOnceWithBothPartsAndMarkedSent() {
        NotificationService service = emailed();
        StatusChange change = changeOf(OrderFixtures.shipped("o-1", USER, AT));
        assertEquals(NotificationService.Outcome.WRITTEN, service.notify(change));
        assertEquals(NotificationService.Outcome.REPEATED, service.notify(change));
        assertEquals(1, mailer.sent.size(), "a repeated message sends nothing again");
        Email email = mailer.sent.get(0);
        assertEquals("shop@example.com", email.from());
        assertEquals(ADDRESS, email.to());
        assertEquals("Order shipped", email.subject());
        assertTrue(email.text().contains("Tracking number: 00340434161234567890"), email.text());
        assertTrue(email.html().contains("<strong>00340434161234567890</strong>"), email.html());
        assertFalse(email.toString().contains(ADDRESS), "an email's toString never shows an address");
        assertEquals(Notification.EmailStatus.SENT, inboxOf(USER).get(0).email());
    }

    @Test
    void theHtmlPartEscapesEveryValueThePartnerOrTheShopGave() {
        Order order = OrderFixtures.order("o-1", USER, OrderStatus.SHIPPED, AT, null, new Order.Shipment("shp_1", null,
                "<script>alert(1)</script> & Co", "\"1'2<3>\"", AT, null, null));
        emailed().notify(changeOf(order));
        Email email = mailer.sent.get(0);
        assertFalse(email.html().contains("<script>"), email.html());
        assertTrue(email.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), email.html());
        assertTrue(email.html().contains("&quot;1&#39;2&lt;3&gt;&quot;"), email.html());
        assertTrue(email.text().contains("Carrier: <script>alert(1)</script> & Co"), "the text part is text");
    }

    @Test
    void anEmailServiceUnavailableLeavesItPendingAndTheRedeliverySendsIt() {
        NotificationService service = emailed();
        StatusChange change = changeOf(OrderFixtures.paid("o-1", USER, OrderStatus.PAID, AT));
        mailer.mode = RecordingMailer.Mode.UNAVAILABLE;
        assertThrows(Mailer.Unavailable.class, () -> service.notify(change));
        assertEquals(Notification.EmailStatus.PENDING, inboxOf(USER).get(0).email(), "in the inbox already");

        mailer.mode = RecordingMailer.Mode.SEND;
        assertEquals(NotificationService.Outcome.REPEATED, service.notify(change));
        assertEquals(1, mailer.sent.size());
        assertEquals(Notification.EmailStatus.SENT, inboxOf(USER).get(0).email());
        assertEquals(1, inboxOf(USER).size());
    }

    @Test
    void aRejectedEmailIsFailedLoggedWithoutTheAddressAndNotTriedAgain() {
        NotificationService service = emailed();
        StatusChange change = changeOf(OrderFixtures.paid("o-1", USER, OrderStatus.DELIVERED, AT));
        mailer.mode = RecordingMailer.Mode.REJECT;
        List<String> lines = LogCapture.of(() -> assertEquals(NotificationService.Outcome.WRITTEN, service.notify(change)));
        assertEquals(Notification.EmailStatus.FAILED, inboxOf(USER).get(0).email());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"level\":\"WARN\"") && l.contains("MessageRejected")),
                lines::toString);
        assertTrue(lines.stream().noneMatch(l -> l.contains(ADDRESS)), "no address in the log");

        mailer.mode = RecordingMailer.Mode.SEND;
        assertEquals(NotificationService.Outcome.REPEATED, service.notify(change));
        assertEquals(List.of(), mailer.sent, "a failed email is not tried again");
    }

    @Test
    void anAccountWithoutAnAddressIsFailedAndTheInboxStillHasIt() {
        addresses.clear();
        List<String> lines = LogCapture.of(() -> emailed().notify(changeOf(OrderFixtures.paid("o-1", USER,
                OrderStatus.PAID, AT))));
        assertEquals(Notification.EmailStatus.FAILED, inboxOf(USER).get(0).email());
        assertEquals(List.of(), mailer.sent);
        assertTrue(lines.stream().anyMatch(l -> l.contains("no email address")), lines::toString);
    }
}
