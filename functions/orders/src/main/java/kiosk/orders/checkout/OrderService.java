package kiosk.orders.checkout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import kiosk.orders.PageSize;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.VersionConflictException;

/**
 * A shopper's own orders: read one, page through them newest first, cancel one still awaiting
 * payment. Another shopper's order is a 404, exactly as one that does not exist.
 */
public final class OrderService {

    public static final ProblemType NOT_CANCELLABLE = new ProblemType("order-not-cancellable", 409, "Order not cancellable");
    static final int ROUNDS = 8;
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern CURSOR = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T[0-9:.]{8,12}Z)\\|([A-Za-z0-9-]{1,64})");

    /** A page of orders and, when there are more, the cursor that fetches the next. */
    public record OrderPage(List<Order> items, String nextCursor) {
    }

    private final OrderStore orders;
    private final Clock clock;

    public OrderService(OrderStore orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public Order get(String userId, String orderId) {
        return own(userId, orderId);
    }

    /**
     * A page of the shopper's orders. The cursor is the last order's position, not signed: the
     * query is bound to the caller's own user id, so a forged cursor can only skip within them.
     */
    public OrderPage list(String userId, Optional<String> limit, Optional<String> cursor) {
        int size = PageSize.of(limit);
        return page(orders.listByUser(userId, size, cursor.map(OrderService::position)));
    }

    private static OrderPage page(OrderStore.Page page) {
        return new OrderPage(page.items(), page.next().map(p -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString((p.createdAt() + "|" + p.orderId()).getBytes(StandardCharsets.UTF_8))).orElse(null));
    }

    /** Any order, whoever placed it: for admins. */
    public Order getAny(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new NotFoundException("No order with that id.");
        }
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    }

    /** A page of every order in one status, newest first: for admins. The status is required. */
    public OrderPage listByStatus(Optional<String> status, Optional<String> limit, Optional<String> cursor) {
        OrderStatus wanted;
        try {
            wanted = OrderStatus.valueOf(status.orElseThrow(() -> new BadRequestException(
                    "status is required: one of " + Arrays.toString(OrderStatus.values()) + ".")));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException("status must be one of " + Arrays.toString(OrderStatus.values()) + ".");
        }
        int size = PageSize.of(limit);
        return page(orders.listByStatus(wanted, size, cursor.map(OrderService::position)));
    }

    /**
     * Cancels one of the shopper's own orders: one awaiting payment at once, giving its units back;
     * one paid but not yet handed to fulfilment through a refund (CANCELLING, then CANCELLED with
     * its units back once the payment job has refunded it). Cancelling again is a no-op.
     */
    public Order cancel(String userId, String orderId) {
        return cancel(() -> own(userId, orderId));
    }

    /** Cancels any order, as {@link #cancel} does: for admins. */
    public Order cancelAny(String orderId) {
        return cancel(() -> getAny(orderId));
    }

    private Order cancel(Supplier<Order> read) {
        for (int round = 1; ; round++) {
            Order order = read.get();
            String now = Timestamps.of(Instant.now(clock));
            try {
                switch (order.status()) {
                    case CANCELLED, CANCELLING -> {
                        return order;
                    }
                    case PENDING_PAYMENT -> {
                        return orders.release(order, OrderStatus.CANCELLED, now);
                    }
                    case PAID -> {
                        // The refund is the payment job's (with its retries): announced from the stream.
                        return orders.move(order, OrderStatus.CANCELLING, now);
                    }
                    default -> throw new DomainException(NOT_CANCELLABLE, "An order can be cancelled while it awaits "
                            + "payment or is paid and not yet handed to fulfilment; this one is " + order.status() + ".");
                }
            } catch (VersionConflictException moved) {
                if (round == ROUNDS) {
                    throw moved;
                }
            }
        }
    }

    /**
     * Ends every order left unpaid longer than {@code window} as EXPIRED, giving its units and its
     * promotion back: so an order nobody pays cannot hold stock from other shoppers. An order paid
     * or cancelled meanwhile is left as it is (its version moved). Returns how many expired.
     */
    public int expireUnpaid(Duration window) {
        Instant now = Instant.now(clock);
        int expired = 0;
        // Pages of 100 until one is short: a burst of abandoned checkouts is expired in one run, not
        // 100 a minute. Bounded, so that one run cannot outlast the function's timeout.
        for (int page = 0; page < 10; page++) {
            List<Order> pending = orders.pendingBefore(now.minus(window), 100);
            for (Order order : pending) {
                try {
                    orders.release(order, OrderStatus.EXPIRED, Timestamps.of(now));
                    expired++;
                } catch (VersionConflictException moved) {
                    // Paid or cancelled since it was read: nothing to expire.
                }
            }
            if (pending.size() < 100) {
                break;
            }
        }
        return expired;
    }

    private Order own(String userId, String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw new NotFoundException("No order with that id.");
        }
        return orders.find(orderId).filter(order -> order.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    }

    private static OrderStore.Position position(String cursor) {
        try {
            var matcher = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (cursor.length() <= 200 && matcher.matches()) {
                return new OrderStore.Position(matcher.group(1), matcher.group(2));
            }
        } catch (IllegalArgumentException malformed) {
            // Not base64: the same answer as any other bad cursor.
        }
        throw new BadRequestException("cursor is not one this API returned.");
    }
}
