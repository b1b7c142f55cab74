package kiosk.catalog;

import kiosk.testkit.PackagePriming;

/** SnapStart priming for every function of catalog.zip: see {@link PackagePriming}. */
class PrimingIT extends PackagePriming {

    PrimingIT() {
        super("functions/catalog/target/catalog.zip");
    }
}
