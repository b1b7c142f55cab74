package kiosk.fulfilment.report;

/** The report store contract against the in-memory fake the handler tests use. */
class InMemoryReportStoreTest extends ReportStoreContract {

    @Override
    ReportStore emptyStore() {
        return new InMemoryReportStore();
    }
}
