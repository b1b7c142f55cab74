package kiosk.jobs;

import kiosk.testkit.PackagePriming;

/** SnapStart priming for every function of jobs.zip: see {@link PackagePriming}. */
class PrimingIT extends PackagePriming {

    PrimingIT() {
        super("functions/jobs/target/jobs.zip");
    }
}
