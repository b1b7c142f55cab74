package kiosk.fulfilment.notification;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import kiosk.shared.http.ApiResponse;
import kiosk.shared.http.Http;
import kiosk.shared.http.HttpFunction;
import kiosk.shared.http.PrimingEvent;
import kiosk.shared.lambda.SnapStart;

/** POST /me/notifications/{id}/read: marks one of the caller's notifications read; anyone else's is a 404. Signed in. */
public final class ReadNotificationHandler extends HttpFunction {

    private final InboxService inbox;

    public ReadNotificationHandler() {
        this(NotificationWiring.inbox());
        // Ids of the right shape (a notification's is its time and event), so the store is asked.
        SnapStart.prime("ReadNotification", () -> InboxPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("POST", "/me/notifications/" + id + "/read", Map.of("id", id))));
    }

    public ReadNotificationHandler(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.ok(inbox.markRead(request.requireCaller().userId(),
                request.pathParameter("id"))));
    }
}
