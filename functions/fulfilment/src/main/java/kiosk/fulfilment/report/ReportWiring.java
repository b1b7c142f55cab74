package kiosk.fulfilment.report;

import kiosk.orders.checkout.DynamoDbOrderStore;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the no-argument handler constructors use: built once per execution environment, on first
 * use, each holder reading only its own function's variables (the admin's reads have no ORDERS_TABLE).
 */
final class ReportWiring {

    private ReportWiring() {
    }

    static DailyReportJob job() {
        return Job.INSTANCE;
    }

    static ReportService reports() {
        return Reports.SERVICE;
    }

    private static final class Clients {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMODB = AwsClients.build(DynamoDbClient.builder(), CONFIG);

        static ReportStore store() {
            return new DynamoDbReportStore(DYNAMODB, CONFIG.require("REPORTS_TABLE"));
        }
    }

    private static final class Job {
        /** The report reads orders only: the order store's other tables stay unnamed. */
        static final DailyReportJob INSTANCE = new DailyReportJob(new DynamoDbOrderStore(Clients.DYNAMODB,
                new DynamoDbOrderStore.Tables(Clients.CONFIG.require("ORDERS_TABLE"), "", "", "", ""))::createdBetween,
                Clients.store());
    }

    /** The reports functions' store, for their primers' seeding. */
    static ReportStore store() {
        return Reports.STORE;
    }

    private static final class Reports {
        static final ReportStore STORE = Clients.store();
        static final ReportService SERVICE = new ReportService(STORE);
    }
}
