package kiosk.fulfilment.notification;

import java.util.Optional;
import kiosk.orders.checkout.OrderStatus;

/**
 * What a shopper is told of, and the status of the order that tells it; every other status is
 * passed over. The account's own notices (a password changed, a reset asked for) have no order.
 */
public enum NotificationType {
    ORDER_CONFIRMED(OrderStatus.PAID),
    PAYMENT_FAILED(OrderStatus.PAYMENT_FAILED),
    ORDER_SHIPPED(OrderStatus.SHIPPED),
    ORDER_DELIVERED(OrderStatus.DELIVERED),
    ORDER_CANCELLED(OrderStatus.CANCELLED),
    PASSWORD_CHANGED(null),
    PASSWORD_RESET(null);

    private final OrderStatus status;

    NotificationType(OrderStatus status) {
        this.status = status;
    }

    /** The notification a status calls for, if any (FULFILLING, EXPIRED, CANCELLING, RETURNED... call for none). */
    public static Optional<NotificationType> of(OrderStatus status) {
        for (NotificationType type : values()) {
            if (type.status != null && type.status == status) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
