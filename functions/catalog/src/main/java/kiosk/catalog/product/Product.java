package kiosk.catalog.product;

import kiosk.shared.money.Money;

/** A product as the catalog stores and serves it. Timestamps are ISO-8601 UTC. */
public record Product(String id, String name, String description, String category, Money price, int stock,
                      ProductStatus status, long version, String createdAt, String updatedAt) {

    public boolean isActive() {
        return status == ProductStatus.ACTIVE;
    }
}
