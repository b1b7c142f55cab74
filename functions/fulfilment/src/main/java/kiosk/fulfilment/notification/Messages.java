package kiosk.fulfilment.notification;

import java.math.BigDecimal;
import java.util.Currency;
import kiosk.orders.checkout.Order;
import kiosk.orders.checkout.Timestamps;

/** The inbox's words for each kind of notification: a title, and a body of plain text a client shows as is. */
final class Messages {

    private Messages() {
    }

    /** The notification of {@code change} to {@code order}, unread, its email starting as {@code email}. */
    static Notification notification(NotificationType type, Order order, StatusChange change,
            Notification.EmailStatus email) {
        String amount = amount(order.totals().total(), order.currency());
        Order.Shipment shipment = order.shipment();
        // Delivered names the tracking too: its shipped event may have come late, or not been told.
        boolean tracked = (type == NotificationType.ORDER_SHIPPED || type == NotificationType.ORDER_DELIVERED)
                && shipment != null && shipment.carrier() != null && shipment.trackingNumber() != null;
        Words words = switch (type) {
            case ORDER_CONFIRMED -> new Words("Order confirmed", "We received your payment of " + amount
                    + " and your order is confirmed. We will tell you when it ships.");
            case PAYMENT_FAILED -> new Words("Payment failed", "Your payment of " + amount + " did not go through,"
                    + " so your order was not placed and nothing was charged. You can check out again with another"
                    + " payment method.");
            case ORDER_SHIPPED -> new Words("Order shipped", tracked ? "Your order is on its way with "
                    + shipment.carrier() + ". Tracking number: " + shipment.trackingNumber() + "."
                    : "Your order is on its way.");
            case ORDER_DELIVERED -> new Words("Order delivered", "Your order was delivered" + (tracked ? " by "
                    + shipment.carrier() + " (tracking number " + shipment.trackingNumber() + ")" : "")
                    + ". We hope you enjoy it.");
            case ORDER_CANCELLED -> new Words("Order cancelled", "Your order was cancelled."
                    + (order.payment() != null && order.payment().refundId() != null ? " Your payment of " + amount
                    + " was refunded; it can take a few days to show on your statement." : ""));
            case PASSWORD_CHANGED, PASSWORD_RESET -> throw new IllegalArgumentException(type + " is no order's notification");
        };
        Notification.Data data = new Notification.Data(order.totals().total(), order.currency(),
                tracked ? shipment.carrier() : null, tracked ? shipment.trackingNumber() : null);
        return new Notification(order.userId(), Notification.idOf(change.at(), order.id(), type), type, order.id(),
                words.title(), words.body(), data, Timestamps.of(change.at()), false, email);
    }

    private record Words(String title, String body) {
    }

    /** The notice of a password changed or a reset asked for; the token is not in it. */
    static Notification notification(AccountNotice notice, Notification.EmailStatus email) {
        Words words = notice.type() == NotificationType.PASSWORD_CHANGED
                ? new Words("Password changed", "The password of your Kiosk account was changed, and every other"
                        + " sign-in was ended. If this was not you, reset your password now and check your orders.")
                : new Words("Password reset requested", "Someone asked to reset the password of your Kiosk account. The"
                        + " email we sent holds a token that works once, for 30 minutes. If this was not you,"
                        + " ignore it: your password stays as it is.");
        return new Notification(notice.userId(), Notification.idOf(notice.at(), "account", notice.type()), notice.type(),
                null, words.title(), words.body(), new Notification.Data(null, null, null, null),
                Timestamps.of(notice.at()), false, email);
    }

    /** What the reset email alone carries: the token, until when it works, and where it goes. */
    static String resetInstructions(AccountNotice notice) {
        return "Your reset token (it works once, until " + Timestamps.of(notice.expiresAt()) + "): " + notice.resetToken()
                + "\nSend it with your new password to POST /auth/password-reset/confirm,"
                + " as {\"token\": \"...\", \"newPassword\": \"...\"}.";
    }

    /** "EUR 19.95": minor units shown with the currency's own number of decimals. */
    static String amount(long minorUnits, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return currency + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }
}
