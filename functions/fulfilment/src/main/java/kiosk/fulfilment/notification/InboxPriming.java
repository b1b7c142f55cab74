package kiosk.fulfilment.notification;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.function.Consumer;
import java.util.function.Function;
import kiosk.shared.http.PrimingEvent;

/**
 * What the inbox primers seed: the request for a notification the priming caller does not have
 * (its read goes out and finds nothing), then {@link #NOTIFICATION} added through the store,
 * answered from memory and kept for the primer's round (kiosk.shared.aws.PrimingSandbox), and the
 * request for it, which finds it. Nothing in it is unique or ever stored.
 */
final class InboxPriming {

    static final String ID = "0946684800000-snapstart-priming";
    static final String MISSING_ID = "0000000000000-snapstart-missing";
    static final Notification NOTIFICATION = new Notification(PrimingEvent.USER, ID, NotificationType.ORDER_CONFIRMED,
            "snapstart-priming-order", "Order confirmed", "Seeded in memory while priming, never stored.",
            new Notification.Data(1999L, "EUR", null, null), "2000-01-01T00:00:00Z", false, Notification.EmailStatus.NONE);

    private InboxPriming() {
    }

    static void missingThenSeeded(Consumer<APIGatewayV2HTTPEvent> prime, Function<String, APIGatewayV2HTTPEvent> request) {
        PrimingEvent.missingThenSeeded(prime, request, MISSING_ID, () -> NotificationWiring.inboxStore().add(NOTIFICATION), ID);
    }
}
