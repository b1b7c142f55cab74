package kiosk.orders.promotion;

import static kiosk.shared.dynamodb.Attributes.n;
import static kiosk.shared.dynamodb.Attributes.number;
import static kiosk.shared.dynamodb.Attributes.s;
import static kiosk.shared.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiosk.shared.dynamodb.Expression;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The PromotionsTable of template.yaml: a code's item ("promo#CODE", listed through the sparse
 * AllPromotions index) and one counter per shopper who redeemed it ("redeemed#CODE#userId").
 * Redemptions are counted only inside the checkout's transaction, through {@link #redeem}.
 */
public final class DynamoDbPromotionStore implements PromotionStore {

    static final String PK = "pk";
    static final String CODE = "code";
    static final String KIND = "kind";
    static final String PERCENT_OFF = "percentOff";
    static final String AMOUNT_OFF = "amountOff";
    static final String MIN_SUBTOTAL = "minSubtotal";
    static final String CURRENCY_SUFFIX = "Currency";
    static final String VALID_FROM = "validFrom";
    static final String VALID_UNTIL = "validUntil";
    /** The window again, in epoch seconds: the transaction's condition compares numbers, not ISO text. */
    static final String VALID_FROM_EPOCH = "validFromEpoch";
    static final String VALID_UNTIL_EPOCH = "validUntilEpoch";
    static final String MAX_REDEMPTIONS = "maxRedemptions";
    static final String PER_CUSTOMER_LIMIT = "perCustomerLimit";
    static final String REDEMPTIONS = "redemptions";
    static final String ACTIVE = "active";
    static final String CREATED_AT = "createdAt";
    static final String VERSION = "version";
    static final String LISTING = "listing";
    static final String COUNT = "count";
    static final String ALL_PROMOTIONS = "AllPromotions";
    static final String LISTED = "PROMOTION";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPromotionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String code) {
        return Map.of(PK, s("promo#" + code));
    }

    static Map<String, AttributeValue> redeemedKey(String code, String userId) {
        return Map.of(PK, s("redeemed#" + code + "#" + userId));
    }

    @Override
    public void create(Promotion p) {
        Expression x = new Expression();
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(toItem(p))
                    .conditionExpression("attribute_not_exists(" + x.name(PK) + ")").expressionAttributeNames(x.names()));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("A promotion " + p.code() + " exists already.");
        }
    }

    @Override
    public Optional<Promotion> find(String code) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(key(code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public int redeemedBy(String code, String userId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).key(redeemedKey(code, userId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() || !item.containsKey(COUNT) ? 0 : Math.toIntExact(number(item, COUNT));
    }

    @Override
    public Page list(int limit, Optional<String> afterCode) {
        Expression x = new Expression();
        String keyCondition = x.name(LISTING) + " = " + x.value(s(LISTED));
        QueryResponse response = dynamoDb.query(b -> {
            b.tableName(table).indexName(ALL_PROMOTIONS).keyConditionExpression(keyCondition)
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).limit(limit + 1);
            afterCode.ifPresent(code -> b.exclusiveStartKey(Map.of(PK, s("promo#" + code), LISTING, s(LISTED), CODE, s(code))));
        });
        List<Promotion> items = new ArrayList<>();
        response.items().forEach(item -> items.add(fromItem(item)));
        boolean more = items.size() > limit;
        List<Promotion> page = more ? items.subList(0, limit) : items;
        return new Page(List.copyOf(page), more ? Optional.of(page.get(limit - 1).code()) : Optional.empty());
    }

    @Override
    public Promotion deactivate(String code) {
        Expression x = new Expression();
        try {
            return fromItem(dynamoDb.updateItem(b -> b.tableName(table).key(key(code))
                    .updateExpression("SET " + x.name(ACTIVE) + " = " + x.value(AttributeValue.fromBool(false)) + ", "
                            + x.name(VERSION) + " = " + x.name(VERSION) + " + " + x.value(n(1)))
                    .conditionExpression(x.name(ACTIVE) + " = " + x.value(AttributeValue.fromBool(true)))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes());
        } catch (ConditionalCheckFailedException e) {
            // Absent, or deactivated already: then there is nothing to do.
            if (e.hasItem() && !e.item().isEmpty()) {
                return fromItem(e.item());
            }
            throw new NotFoundException("No promotion " + code + ".");
        }
    }

    /**
     * The two steps a checkout's transaction takes to redeem a code: one more redemption in all,
     * while the code is active, in its window and under its limit; and one more for this shopper,
     * under the per-customer limit. Either failing cancels the whole checkout.
     */
    public static List<TransactWriteItem> redeem(String table, Promotion promotion, String userId, Instant now) {
        Expression x = new Expression();
        String redemptions = x.name(REDEMPTIONS);
        Update code = Update.builder().tableName(table).key(key(promotion.code()))
                .updateExpression("SET " + redemptions + " = " + redemptions + " + " + x.value(n(1)))
                .conditionExpression(x.name(ACTIVE) + " = " + x.value(AttributeValue.fromBool(true)) + " AND "
                        + redemptions + " < " + x.name(MAX_REDEMPTIONS) + " AND "
                        + x.name(VALID_FROM_EPOCH) + " <= " + x.value(n(now.getEpochSecond())) + " AND "
                        + x.name(VALID_UNTIL_EPOCH) + " > " + x.value(n(now.getEpochSecond())))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).build();
        Expression y = new Expression();
        String count = y.name(COUNT);
        Update shopper = Update.builder().tableName(table).key(redeemedKey(promotion.code(), userId))
                .updateExpression("SET " + count + " = if_not_exists(" + count + ", " + y.value(n(0)) + ") + " + y.value(n(1)))
                .conditionExpression("attribute_not_exists(" + count + ") OR " + count + " < "
                        + y.value(n(promotion.perCustomerLimit())))
                .expressionAttributeNames(y.names()).expressionAttributeValues(y.values()).build();
        return List.of(TransactWriteItem.builder().update(code).build(), TransactWriteItem.builder().update(shopper).build());
    }

    /** The two steps a cancellation takes to give a redemption back, in all and for the shopper. */
    public static List<TransactWriteItem> release(String table, String code, String userId) {
        List<TransactWriteItem> steps = new ArrayList<>();
        for (Map<String, AttributeValue> key : List.of(key(code), redeemedKey(code, userId))) {
            String attribute = key.get(PK).s().startsWith("promo#") ? REDEMPTIONS : COUNT;
            Expression x = new Expression();
            String counter = x.name(attribute);
            steps.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                    .updateExpression("SET " + counter + " = " + counter + " - " + x.value(n(1)))
                    .conditionExpression(counter + " > " + x.value(n(0)))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values()).build()).build());
        }
        return steps;
    }

    static Map<String, AttributeValue> toItem(Promotion p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.code()));
        item.put(CODE, s(p.code()));
        item.put(KIND, s(p.kind().name()));
        if (p.percentOff() != null) {
            item.put(PERCENT_OFF, n(p.percentOff()));
        }
        money(item, AMOUNT_OFF, p.amountOff());
        money(item, MIN_SUBTOTAL, p.minSubtotal());
        item.put(VALID_FROM, s(p.validFrom()));
        item.put(VALID_UNTIL, s(p.validUntil()));
        item.put(VALID_FROM_EPOCH, n(Instant.parse(p.validFrom()).getEpochSecond()));
        item.put(VALID_UNTIL_EPOCH, n(Instant.parse(p.validUntil()).getEpochSecond()));
        item.put(MAX_REDEMPTIONS, n(p.maxRedemptions()));
        item.put(PER_CUSTOMER_LIMIT, n(p.perCustomerLimit()));
        item.put(REDEMPTIONS, n(p.redemptions()));
        item.put(ACTIVE, AttributeValue.fromBool(p.active()));
        item.put(CREATED_AT, s(p.createdAt()));
        item.put(VERSION, n(p.version()));
        item.put(LISTING, s(LISTED));
        return item;
    }

    private static void money(Map<String, AttributeValue> item, String name, Money money) {
        if (money != null) {
            item.put(name, n(money.amount()));
            item.put(name + CURRENCY_SUFFIX, s(money.currency()));
        }
    }

    private static Money money(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? new Money(number(item, name), string(item, name + CURRENCY_SUFFIX)) : null;
    }

    static Promotion fromItem(Map<String, AttributeValue> item) {
        return new Promotion(string(item, CODE), Promotion.Kind.valueOf(string(item, KIND)),
                item.containsKey(PERCENT_OFF) ? Math.toIntExact(number(item, PERCENT_OFF)) : null,
                money(item, AMOUNT_OFF), money(item, MIN_SUBTOTAL), string(item, VALID_FROM), string(item, VALID_UNTIL),
                Math.toIntExact(number(item, MAX_REDEMPTIONS)), Math.toIntExact(number(item, PER_CUSTOMER_LIMIT)),
                number(item, REDEMPTIONS), item.get(ACTIVE).bool(), string(item, CREATED_AT), number(item, VERSION));
    }
}
