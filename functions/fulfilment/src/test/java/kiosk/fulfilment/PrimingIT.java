package kiosk.fulfilment;

import kiosk.testkit.PackagePriming;

/** SnapStart priming for every function of fulfilment.zip: see {@link PackagePriming}. */
class PrimingIT extends PackagePriming {

    PrimingIT() {
        super("functions/fulfilment/target/fulfilment.zip");
    }
}
