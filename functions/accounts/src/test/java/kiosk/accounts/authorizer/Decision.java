package kiosk.accounts.authorizer;

import java.util.Map;

/** An authorizer's simple response, read as API Gateway reads it. */
public record Decision(boolean allowed, Map<?, ?> context) {

    public static Decision of(Map<String, Object> answer) {
        return new Decision(Boolean.TRUE.equals(answer.get("isAuthorized")), (Map<?, ?>) answer.get("context"));
    }
}
