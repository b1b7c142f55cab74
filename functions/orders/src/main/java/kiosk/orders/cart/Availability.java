package kiosk.orders.cart;

/** Whether a cart line can be bought as it stands. */
public enum Availability {
    /** Active, with at least the line's quantity in stock. */
    IN_STOCK,
    /** Active, but fewer in stock than the line asks for. */
    NOT_ENOUGH_STOCK,
    /** Archived (or gone): the line cannot be bought and counts for nothing. */
    UNAVAILABLE
}
