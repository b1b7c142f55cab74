package kiosk.accounts;

import kiosk.testkit.PackagePriming;

/** SnapStart priming for every function of accounts.zip and authorizer.zip: see {@link PackagePriming}. */
class PrimingIT extends PackagePriming {

    PrimingIT() {
        super("functions/accounts/target/accounts.zip", "functions/accounts/target/authorizer.zip");
    }
}
