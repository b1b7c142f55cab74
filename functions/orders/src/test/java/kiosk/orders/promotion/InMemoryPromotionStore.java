package kiosk.orders.promotion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import kiosk.shared.error.ConflictException;
import kiosk.shared.error.NotFoundException;

/** The promotion store contract in memory; DynamoDbPromotionStoreIT checks the real one. */
public final class InMemoryPromotionStore implements PromotionStore {

    private final Map<String, Promotion> promotions = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> redeemed = new ConcurrentHashMap<>();

    @Override
    public synchronized void create(Promotion promotion) {
        if (promotions.putIfAbsent(promotion.code(), promotion) != null) {
            throw new ConflictException("A promotion " + promotion.code() + " exists already.");
        }
    }

    @Override
    public Optional<Promotion> find(String code) {
        return Optional.ofNullable(promotions.get(code));
    }

    @Override
    public int redeemedBy(String code, String userId) {
        return redeemed.getOrDefault(code + "#" + userId, 0);
    }

    @Override
    public Page list(int limit, Optional<String> afterCode) {
        List<Promotion> after = promotions.values().stream()
                .filter(p -> afterCode.map(code -> p.code().compareTo(code) > 0).orElse(true)).toList();
        List<Promotion> page = after.subList(0, Math.min(limit, after.size()));
        return new Page(List.copyOf(page), after.size() > limit ? Optional.of(page.get(limit - 1).code()) : Optional.empty());
    }

    @Override
    public synchronized Promotion deactivate(String code) {
        Promotion p = promotions.get(code);
        if (p == null) {
            throw new NotFoundException("No promotion " + code + ".");
        }
        if (!p.active()) {
            return p;
        }
        Promotion off = new Promotion(p.code(), p.kind(), p.percentOff(), p.amountOff(), p.minSubtotal(), p.validFrom(),
                p.validUntil(), p.maxRedemptions(), p.perCustomerLimit(), p.redemptions(), false, p.createdAt(), p.version() + 1);
        promotions.put(code, off);
        return off;
    }

    /** What a checkout's transaction does to the counters, for service tests without DynamoDB. */
    synchronized void redeem(String code, String userId) {
        Promotion p = promotions.get(code);
        promotions.put(code, new Promotion(p.code(), p.kind(), p.percentOff(), p.amountOff(), p.minSubtotal(), p.validFrom(),
                p.validUntil(), p.maxRedemptions(), p.perCustomerLimit(), p.redemptions() + 1, p.active(), p.createdAt(),
                p.version()));
        redeemed.merge(code + "#" + userId, 1, Integer::sum);
    }
}
