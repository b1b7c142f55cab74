package kiosk.orders.cart;

import kiosk.shared.money.Money;

/** What the cart needs of a product, read from the catalog at the moment it is shown. */
public record ProductSnapshot(String id, String name, Money price, int stock, boolean active) {
}
