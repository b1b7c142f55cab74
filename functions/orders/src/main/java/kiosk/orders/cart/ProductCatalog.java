package kiosk.orders.cart;

import java.util.Collection;
import java.util.Map;

/** The catalog as the cart reads it: products by id, archived ones included; absent ids left out. */
public interface ProductCatalog {

    Map<String, ProductSnapshot> find(Collection<String> ids);
}
