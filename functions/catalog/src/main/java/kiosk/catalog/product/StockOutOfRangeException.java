package kiosk.catalog.product;

import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** An adjustment that would take stock below 0 or above {@link ProductInput#MAX_STOCK}: nothing changed. */
public final class StockOutOfRangeException extends DomainException {

    private static final long serialVersionUID = 1L;

    public static final ProblemType TYPE = new ProblemType("stock-out-of-range", 409, "Stock out of range");

    public StockOutOfRangeException(String detail) {
        super(TYPE, detail);
    }

    /** Why {@code delta} could not be applied to {@code stock}, in the words a client reads. */
    public static StockOutOfRangeException of(long stock, int delta) {
        return new StockOutOfRangeException(delta < 0
                ? "Only " + stock + " in stock: it cannot go down by " + -(long) delta + "."
                : "The stock is " + stock + ": up by " + delta + " it would pass " + ProductInput.MAX_STOCK + ".");
    }
}
