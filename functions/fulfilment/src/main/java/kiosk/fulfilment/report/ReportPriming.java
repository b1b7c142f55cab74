package kiosk.fulfilment.report;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kiosk.fulfilment.report.DailyReport.Refunds;
import kiosk.fulfilment.report.DailyReport.TopProduct;
import kiosk.orders.checkout.OrderStatus;
import kiosk.shared.http.PrimingEvent;

/**
 * What the report primers seed: the request for a day no report covers (its read goes out and
 * finds nothing), then {@link #REPORT} put through the store, answered from memory and kept for
 * the primer's round (kiosk.shared.aws.PrimingSandbox), and the request again, which finds it.
 * A day long past; nothing in it is unique or ever stored.
 */
final class ReportPriming {

    static final String DAY = "2000-01-01";
    static final DailyReport REPORT = new DailyReport(DAY, 1, Map.of(OrderStatus.PAID, 1L), Map.of("EUR", 1999L),
            new Refunds(0, Map.of()), 1, List.of(new TopProduct("snapstart-priming-product", "Priming kettle", 1, Map.of("EUR", 1999L))));

    private ReportPriming() {
    }

    static void missingThenSeeded(Consumer<APIGatewayV2HTTPEvent> prime, APIGatewayV2HTTPEvent request) {
        // The same day both times: no report covers it until the seed puts one.
        PrimingEvent.missingThenSeeded(prime, day -> request, DAY,
                () -> ReportWiring.store().put(REPORT, Instant.parse("2000-01-02T00:00:00Z")), DAY);
    }
}
