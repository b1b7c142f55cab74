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

/** GET /me/notifications?limit=&cursor=: the caller's own notifications, newest first, a page at a time. Signed in. */
public final class ListNotificationsHandler extends HttpFunction {

    private final InboxService inbox;

    public ListNotificationsHandler() {
        this(NotificationWiring.inbox());
        // The caller's inbox with none, then with the seeded one.
        SnapStart.prime("ListNotifications", () -> InboxPriming.missingThenSeeded(this::prime,
                id -> PrimingEvent.of("GET", "/me/notifications", Map.of())));
    }

    public ListNotificationsHandler(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Http.serve(event, context, request -> ApiResponse.ok(inbox.list(request.requireCaller().userId(),
                request.queryParameter("limit"), request.queryParameter("cursor"))));
    }
}
