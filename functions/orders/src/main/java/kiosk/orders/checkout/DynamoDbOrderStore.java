package kiosk.orders.checkout;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import kiosk.catalog.product.DynamoDbProductStore;
import kiosk.orders.cart.DynamoDbCartStore;
import kiosk.orders.promotion.DynamoDbPromotionStore;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.VersionConflictException;
import kiosk.shared.lambda.SnapStart;
import kiosk.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders in the OrdersTable of template.yaml, and Idempotency-Keys in the IdempotencyTable
 * (keyed by shopper and key, removed by TTL after 24 hours). Placing an order is one
 * TransactWriteItems over four tables: the products' stock, the order, the cart, the key.
 */
public final class DynamoDbOrderStore implements OrderStore {

    static final String ORDER_ID = "orderId";
    static final String USER_ID = "userId";
    static final String STATUS = "status";
    static final String LINES = "lines";
    static final String CURRENCY = "currency";
    static final String SUBTOTAL = "subtotal";
    static final String DISCOUNT = "discount";
    static final String SHIPPING = "shipping";
    static final String TOTAL = "total";
    static final String PROMO_CODE = "promoCode";
    static final String ADDRESS = "shippingAddress";
    static final String PAYMENT_METHOD = "paymentMethod";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** The payment provider's charge that paid the order. */
    static final String CHARGE_ID = "chargeId";
    /** The refund that gave a charge back, and why (cancelled when paid, ended while being charged). */
    static final String REFUND_ID = "refundId";
    static final String REFUND_REASON = "refundReason";
    /** The Lambda request id of the checkout that placed the order, for following it through the logs. */
    static final String CHECKOUT_REQUEST_ID = "checkoutRequestId";
    /** The shipping partner's shipment and what it told of it (Order.Shipment). */
    static final String SHIPMENT_ID = "shipmentId";
    static final String BOOKED_AT = "bookedAt";
    static final String CARRIER = "carrier";
    static final String TRACKING_NUMBER = "trackingNumber";
    static final String SHIPPED_AT = "shippedAt";
    static final String DELIVERED_AT = "deliveredAt";
    static final String RETURNED_AT = "returnedAt";

    static final String BY_USER = "ByUser";
    static final String BY_STATUS = "ByStatus";

    static final String KEY = "key";
    static final String REQUEST_HASH = "requestHash";
    static final String EXPIRES_AT = "expiresAt";

    /**
     * The tables; {@code users} is the accounts' UsersTable, whose account item a placement checks
     * is not being erased (empty: no check, for readers that never place an order).
     */
    public record Tables(String orders, String products, String carts, String idempotency, String promotions,
                         String users) {

        public Tables(String orders, String products, String carts, String idempotency, String promotions) {
            this(orders, products, carts, idempotency, promotions, "");
        }
    }

    /**
     * The account item's key and erasure mark, as kiosk.accounts.UsersTable names them: repeated,
     * not depended on, so that checkout does not package the accounts module for two names.
     */
    static final String ACCOUNT_PK = "pk";
    static final String ACCOUNT_PREFIX = "user#";
    static final String ACCOUNT_ERASING = "erasing";

    private final DynamoDbClient dynamoDb;
    private final Tables tables;

    public DynamoDbOrderStore(DynamoDbClient dynamoDb, Tables tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    @Override
    public Optional<Order> find(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.orders())
                .key(Map.of(ORDER_ID, s(orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<IdempotencyRecord> findKey(String userId, String idempotencyKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.idempotency())
                .key(Map.of(KEY, s(keyOf(userId, idempotencyKey)))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new IdempotencyRecord(string(item, REQUEST_HASH), string(item, ORDER_ID)));
    }

    /**
     * For a SnapStart primer only: puts an order as this store keeps one, with its shipment, which
     * while priming is answered from memory and kept for the primer's round
     * (kiosk.shared.aws.PrimingSandbox), so a primer's request finds an order at a later stage
     * than checkout places one (a shipping partner's event, say). Refused outside priming.
     */
    public void seedForPriming(Order order) {
        if (!SnapStart.priming()) {
            throw new IllegalStateException("orders are placed by checkout, not seeded");
        }
        Map<String, AttributeValue> item = toItem(order);
        if (order.shipment() != null) {
            item.put(SHIPMENT_ID, s(order.shipment().shipmentId()));
            item.put(BOOKED_AT, s(order.shipment().bookedAt()));
        }
        dynamoDb.putItem(b -> b.tableName(tables.orders()).item(item));
    }

    @Override
    public void place(Placement placement) {
        Order order = placement.order();
        List<TransactWriteItem> steps = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            steps.add(DynamoDbProductStore.takeStock(tables.products(), line.productId(), line.quantity(), order.createdAt()));
        }
        Expression newOrder = new Expression();
        Map<String, AttributeValue> orderItem = toItem(order);
        if (placement.checkoutRequestId() != null) {
            orderItem.put(CHECKOUT_REQUEST_ID, s(placement.checkoutRequestId()));
        }
        steps.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.orders()).item(orderItem)
                .conditionExpression("attribute_not_exists(" + newOrder.name(ORDER_ID) + ")")
                .expressionAttributeNames(newOrder.names()).build()).build());
        steps.add(DynamoDbCartStore.emptied(tables.carts(), order.userId(), placement.cartVersion(), order.createdAt(),
                placement.cartExpiresAtEpochSecond()));
        Expression newKey = new Expression();
        steps.add(TransactWriteItem.builder().put(Put.builder().tableName(tables.idempotency())
                .item(Map.of(KEY, s(keyOf(order.userId(), placement.idempotencyKey())), REQUEST_HASH, s(placement.requestHash()),
                        ORDER_ID, s(order.id()), CREATED_AT, s(order.createdAt()),
                        EXPIRES_AT, n(placement.keyExpiresAtEpochSecond())))
                .conditionExpression("attribute_not_exists(" + newKey.name(KEY) + ")")
                .expressionAttributeNames(newKey.names()).build()).build());
        if (placement.promotion() != null) {
            steps.addAll(DynamoDbPromotionStore.redeem(tables.promotions(), placement.promotion(), order.userId(),
                    Instant.parse(order.createdAt())));
        }
        int accountStep = -1;
        if (!tables.users().isEmpty()) {
            // An erasure marks the account before it looks at its orders: a placement after the mark
            // fails here, and one before it is an order the erasure sees (and so refuses to erase).
            Expression account = new Expression();
            accountStep = steps.size();
            steps.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tables.users())
                    .key(Map.of(ACCOUNT_PK, s(ACCOUNT_PREFIX + order.userId())))
                    .conditionExpression("attribute_not_exists(" + account.name(ACCOUNT_ERASING) + ")")
                    .expressionAttributeNames(account.names()).build()).build());
        }
        try {
            // The request token makes the SDK's own retry of this call (after a lost answer)
            // idempotent within DynamoDB's 10 minutes; a new call gets a new token.
            String token = UUID.randomUUID().toString();
            dynamoDb.transactWriteItems(b -> b.transactItems(steps).clientRequestToken(token));
        } catch (TransactionCanceledException e) {
            throw refusal(order, e.hasCancellationReasons() ? e.cancellationReasons() : List.of(), accountStep);
        }
    }

    @Override
    public Page listByUser(String userId, int limit, Optional<Position> after) {
        return page(BY_USER, USER_ID, s(userId), limit, after);
    }

    @Override
    public Page listByStatus(OrderStatus status, int limit, Optional<Position> after) {
        return page(BY_STATUS, STATUS, s(status.name()), limit, after);
    }

    /** One page of an index keyed by {@code attribute} and sorted by creation time, newest first. */
    private Page page(String index, String attribute, AttributeValue value, int limit, Optional<Position> after) {
        Expression x = new Expression();
        String keyCondition = x.name(attribute) + " = " + x.value(value);
        QueryResponse response = dynamoDb.query(b -> {
            b.tableName(tables.orders()).indexName(index).keyConditionExpression(keyCondition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .scanIndexForward(false).limit(limit + 1);
            after.ifPresent(position -> b.exclusiveStartKey(Map.of(attribute, value, CREATED_AT, s(position.createdAt()),
                    ORDER_ID, s(position.orderId()))));
        });
        List<Order> items = new ArrayList<>();
        response.items().forEach(item -> items.add(fromItem(item)));
        boolean more = items.size() > limit;
        List<Order> page = more ? items.subList(0, limit) : items;
        Optional<Position> next = more
                ? Optional.of(new Position(page.get(limit - 1).createdAt(), page.get(limit - 1).id())) : Optional.empty();
        return new Page(List.copyOf(page), next);
    }

    @Override
    public List<Order> pendingBefore(Instant before, int limit) {
        Expression x = new Expression();
        String keyCondition = x.name(STATUS) + " = " + x.value(s(OrderStatus.PENDING_PAYMENT.name())) + " AND "
                + x.name(CREATED_AT) + " < " + x.value(s(Timestamps.of(before)));
        List<Order> found = new ArrayList<>();
        dynamoDb.query(b -> b.tableName(tables.orders()).indexName(BY_STATUS).keyConditionExpression(keyCondition)
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).limit(limit))
                .items().forEach(item -> found.add(fromItem(item)));
        return found;
    }

    /**
     * Every order in {@code status} created in [from, to), oldest first, read page by page as the
     * stream is consumed and to the last page: for jobs that go through a whole day (the daily
     * sales report of kiosk-fulfilment), which must not stop at one page.
     */
    public Stream<Order> createdBetween(OrderStatus status, Instant from, Instant to) {
        Expression x = new Expression();
        String end = Timestamps.of(to);
        // BETWEEN includes its upper bound: an order placed at exactly `to` belongs to the next range.
        String keyCondition = x.name(STATUS) + " = " + x.value(s(status.name())) + " AND " + x.name(CREATED_AT)
                + " BETWEEN " + x.value(s(Timestamps.of(from))) + " AND " + x.value(s(end));
        return dynamoDb.queryPaginator(b -> b.tableName(tables.orders()).indexName(BY_STATUS)
                        .keyConditionExpression(keyCondition).expressionAttributeNames(x.names())
                        .expressionAttributeValues(x.values()))
                .items().stream().map(DynamoDbOrderStore::fromItem).filter(order -> !order.createdAt().equals(end));
    }

    @Override
    public Order markPaid(Order order, String chargeId, String now) {
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new IllegalArgumentException("only an order awaiting payment is paid; this one is " + order.status());
        }
        return move(order, OrderStatus.PAID, now, Map.of(CHARGE_ID, s(chargeId)));
    }

    @Override
    public Order move(Order order, OrderStatus to, String now) {
        return move(order, to, now, Map.of());
    }

    @Override
    public Order handOver(Order order, String shipmentId, String now) {
        if (order.status() != OrderStatus.PAID) {
            throw new IllegalArgumentException("only a paid order is handed to the shipping partner; this one is "
                    + order.status());
        }
        Order moved = move(order, OrderStatus.FULFILLING, now, Map.of(SHIPMENT_ID, s(shipmentId), BOOKED_AT, s(now)));
        return withShipment(moved, OrderStatus.FULFILLING,
                new Order.Shipment(shipmentId, now, null, null, null, null, null), now, 0);
    }

    /** The order as {@link #shipmentStep} leaves it. */
    public static Order withShipment(Order order, OrderStatus to, Order.Shipment shipment, String now, int versionStep) {
        return new Order(order.id(), order.userId(), to, order.lines(), order.currency(), order.totals(),
                order.promoCode(), order.shippingAddress(), order.paymentMethod(), order.version() + versionStep,
                order.createdAt(), versionStep == 0 ? order.updatedAt() : now, order.payment(), shipment);
    }

    /**
     * One step of a caller's transaction (a partner's event recorded with its effect): the order to
     * {@code to} with {@code shipment}'s details, at its next version, if still as read.
     */
    public static TransactWriteItem shipmentStep(String ordersTable, Order order, OrderStatus to,
            Order.Shipment shipment, String now) {
        Expression x = new Expression();
        StringBuilder update = new StringBuilder("SET " + x.name(STATUS) + " = " + x.value(s(to.name())) + ", "
                + x.name(VERSION) + " = " + x.value(n(order.version() + 1)) + ", "
                + x.name(UPDATED_AT) + " = " + x.value(s(now)));
        Map<String, String> details = new LinkedHashMap<>();
        details.put(CARRIER, shipment.carrier());
        details.put(TRACKING_NUMBER, shipment.trackingNumber());
        details.put(SHIPPED_AT, shipment.shippedAt());
        details.put(DELIVERED_AT, shipment.deliveredAt());
        details.put(RETURNED_AT, shipment.returnedAt());
        details.forEach((name, value) -> {
            if (value != null) {
                update.append(", ").append(x.name(name)).append(" = ").append(x.value(s(value)));
            }
        });
        return TransactWriteItem.builder().update(Update.builder().tableName(ordersTable)
                .key(Map.of(ORDER_ID, s(order.id()))).updateExpression(update.toString())
                .conditionExpression(x.name(STATUS) + " = " + x.value(s(order.status().name())) + " AND "
                        + x.name(VERSION) + " = " + x.value(n(order.version())) + " AND "
                        + x.name(SHIPMENT_ID) + " = " + x.value(s(shipment.shipmentId())))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    /** The order to {@code to} at its next version, with these attributes set, if still as read. */
    private Order move(Order order, OrderStatus to, String now, Map<String, AttributeValue> also) {
        Order.Payment payment = also.containsKey(CHARGE_ID) ? new Order.Payment(also.get(CHARGE_ID).s(), null, null)
                : order.payment();
        Order moved = new Order(order.id(), order.userId(), to, order.lines(), order.currency(), order.totals(),
                order.promoCode(), order.shippingAddress(), order.paymentMethod(), order.version() + 1,
                order.createdAt(), now, payment, order.shipment());
        Expression x = new Expression();
        StringBuilder update = new StringBuilder("SET " + x.name(STATUS) + " = " + x.value(s(to.name())) + ", "
                + x.name(VERSION) + " = " + x.value(n(moved.version())) + ", "
                + x.name(UPDATED_AT) + " = " + x.value(s(now)));
        also.forEach((name, value) -> update.append(", ").append(x.name(name)).append(" = ").append(x.value(value)));
        try {
            dynamoDb.updateItem(b -> b.tableName(tables.orders()).key(Map.of(ORDER_ID, s(order.id())))
                    .updateExpression(update.toString())
                    .conditionExpression(x.name(STATUS) + " = " + x.value(s(order.status().name())) + " AND "
                            + x.name(VERSION) + " = " + x.value(n(order.version())))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return moved;
        } catch (ConditionalCheckFailedException e) {
            long stored = e.hasItem() && !e.item().isEmpty() ? number(e.item(), VERSION) : order.version();
            throw new VersionConflictException("The order changed meanwhile: read it again.", stored);
        }
    }

    @Override
    public void recordRefund(String orderId, String chargeId, String refundId, String reason) {
        Expression x = new Expression();
        dynamoDb.updateItem(b -> b.tableName(tables.orders()).key(Map.of(ORDER_ID, s(orderId)))
                .updateExpression("SET " + x.name(REFUND_ID) + " = " + x.value(s(refundId)) + ", "
                        + x.name(REFUND_REASON) + " = " + x.value(s(reason)) + ", "
                        + x.name(CHARGE_ID) + " = " + x.value(s(chargeId)))
                .conditionExpression("attribute_exists(" + x.name(ORDER_ID) + ")")
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()));
    }

    @Override
    public Optional<Refund> findRefund(String orderId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.orders())
                .key(Map.of(ORDER_ID, s(orderId))).consistentRead(true)).item();
        return item == null || !item.containsKey(REFUND_ID) ? Optional.empty()
                : Optional.of(new Refund(string(item, REFUND_ID), string(item, REFUND_REASON)));
    }

    @Override
    public Order release(Order order, OrderStatus end, String now) {
        Order ended = new Order(order.id(), order.userId(), end, order.lines(), order.currency(),
                order.totals(), order.promoCode(), order.shippingAddress(), order.paymentMethod(), order.version() + 1,
                order.createdAt(), now, order.payment(), order.shipment());
        List<TransactWriteItem> steps = new ArrayList<>();
        Expression x = new Expression();
        steps.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.orders())
                .key(Map.of(ORDER_ID, s(order.id())))
                .updateExpression("SET " + x.name(STATUS) + " = " + x.value(s(end.name())) + ", "
                        + x.name(VERSION) + " = " + x.value(n(ended.version())) + ", "
                        + x.name(UPDATED_AT) + " = " + x.value(s(now)))
                .conditionExpression(x.name(STATUS) + " = " + x.value(s(order.status().name())) + " AND "
                        + x.name(VERSION) + " = " + x.value(n(order.version())))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        for (Order.Line line : order.lines()) {
            steps.add(DynamoDbProductStore.releaseStock(tables.products(), line.productId(), line.quantity(), now));
        }
        if (order.promoCode() != null) {
            steps.addAll(DynamoDbPromotionStore.release(tables.promotions(), order.promoCode(), order.userId()));
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(steps));
            return ended;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            CancellationReason first = reasons.isEmpty() ? null : reasons.get(0);
            long stored = first != null && first.item() != null && !first.item().isEmpty()
                    ? number(first.item(), VERSION) : order.version();
            throw new VersionConflictException("The order changed while cancelling it: read it again.", stored);
        }
    }

    /**
     * A taken key decides first, then a refused promotion, then a moved cart, then short stock;
     * otherwise it was a conflict: try again.
     */
    private static PlacementRefused refusal(Order order, List<CancellationReason> reasons, int accountStep) {
        int lines = order.lines().size();
        if (accountStep >= 0 && reasons.size() > accountStep && "ConditionalCheckFailed".equals(reasons.get(accountStep).code())) {
            return new PlacementRefused(PlacementRefused.Reason.ACCOUNT_ERASED, List.of());
        }
        List<String> shortProducts = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if ("ConditionalCheckFailed".equals(code)) {
                if (i == lines + 2) {
                    return new PlacementRefused(PlacementRefused.Reason.KEY_TAKEN, List.of());
                }
                if (i == lines + 3) {
                    return new PlacementRefused(PlacementRefused.Reason.PROMOTION, List.of());
                }
                if (i == lines + 4) {
                    return new PlacementRefused(PlacementRefused.Reason.PROMOTION_LIMIT, List.of());
                }
                if (i < lines) {
                    shortProducts.add(order.lines().get(i).productId());
                }
            }
        }
        if (reasons.size() > lines + 1 && "ConditionalCheckFailed".equals(reasons.get(lines + 1).code())) {
            return new PlacementRefused(PlacementRefused.Reason.CART_CHANGED, List.of());
        }
        if (!shortProducts.isEmpty()) {
            return new PlacementRefused(PlacementRefused.Reason.STOCK_SHORT, shortProducts);
        }
        // A conflict with another transaction (or a reason DynamoDB did not give): nothing is wrong with the order.
        return new PlacementRefused(PlacementRefused.Reason.CONFLICT, List.of());
    }

    private static String keyOf(String userId, String idempotencyKey) {
        return userId + "#" + idempotencyKey;
    }

    static Map<String, AttributeValue> toItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ORDER_ID, s(order.id()));
        item.put(USER_ID, s(order.userId()));
        item.put(STATUS, s(order.status().name()));
        List<AttributeValue> lines = new ArrayList<>();
        for (Order.Line line : order.lines()) {
            lines.add(AttributeValue.fromM(Map.of("productId", s(line.productId()), "name", s(line.name()),
                    "unitPrice", n(line.unitPrice().amount()), "quantity", n(line.quantity()),
                    "lineTotal", n(line.lineTotal().amount()))));
        }
        item.put(LINES, AttributeValue.fromL(lines));
        item.put(CURRENCY, s(order.currency()));
        item.put(SUBTOTAL, n(order.totals().subtotal()));
        item.put(DISCOUNT, n(order.totals().discount()));
        item.put(SHIPPING, n(order.totals().shipping()));
        item.put(TOTAL, n(order.totals().total()));
        if (order.promoCode() != null) {
            item.put(PROMO_CODE, s(order.promoCode()));
        }
        Address a = order.shippingAddress();
        item.put(ADDRESS, AttributeValue.fromM(Map.of("name", s(a.name()),
                "lines", AttributeValue.fromL(a.lines().stream().map(l -> s(l)).toList()), "city", s(a.city()),
                "postalCode", s(a.postalCode()), "country", s(a.country()))));
        item.put(PAYMENT_METHOD, s(order.paymentMethod()));
        item.put(VERSION, n(order.version()));
        item.put(CREATED_AT, s(order.createdAt()));
        item.put(UPDATED_AT, s(order.updatedAt()));
        return item;
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        String currency = string(item, CURRENCY);
        List<Order.Line> lines = new ArrayList<>();
        for (AttributeValue value : item.get(LINES).l()) {
            Map<String, AttributeValue> line = value.m();
            lines.add(new Order.Line(string(line, "productId"), string(line, "name"),
                    new Money(number(line, "unitPrice"), currency), Math.toIntExact(number(line, "quantity")),
                    new Money(number(line, "lineTotal"), currency)));
        }
        Map<String, AttributeValue> a = item.get(ADDRESS).m();
        Address address = new Address(string(a, "name"), a.get("lines").l().stream().map(AttributeValue::s).toList(),
                string(a, "city"), string(a, "postalCode"), string(a, "country"));
        return new Order(string(item, ORDER_ID), string(item, USER_ID), OrderStatus.valueOf(string(item, STATUS)), lines,
                currency, new Order.Totals(number(item, SUBTOTAL), number(item, DISCOUNT), number(item, SHIPPING),
                number(item, TOTAL)), item.containsKey(PROMO_CODE) ? string(item, PROMO_CODE) : null, address,
                string(item, PAYMENT_METHOD), number(item, VERSION), string(item, CREATED_AT), string(item, UPDATED_AT),
                payment(item), shipment(item));
    }

    private static Order.Shipment shipment(Map<String, AttributeValue> item) {
        if (!item.containsKey(SHIPMENT_ID)) {
            return null;
        }
        return new Order.Shipment(string(item, SHIPMENT_ID), optional(item, BOOKED_AT), optional(item, CARRIER), optional(item, TRACKING_NUMBER),
                optional(item, SHIPPED_AT), optional(item, DELIVERED_AT), optional(item, RETURNED_AT));
    }

    private static String optional(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? string(item, name) : null;
    }

    private static Order.Payment payment(Map<String, AttributeValue> item) {
        if (!item.containsKey(CHARGE_ID) && !item.containsKey(REFUND_ID)) {
            return null;
        }
        return new Order.Payment(item.containsKey(CHARGE_ID) ? string(item, CHARGE_ID) : null,
                item.containsKey(REFUND_ID) ? string(item, REFUND_ID) : null,
                item.containsKey(REFUND_REASON) ? string(item, REFUND_REASON) : null);
    }
}
