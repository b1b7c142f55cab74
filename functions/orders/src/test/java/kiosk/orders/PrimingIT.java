package kiosk.orders;

import kiosk.testkit.PackagePriming;

/** SnapStart priming for every function of orders.zip: see {@link PackagePriming}. */
class PrimingIT extends PackagePriming {

    PrimingIT() {
        super("functions/orders/target/orders.zip");
    }
}
