package kiosk.accounts.password;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kiosk.shared.json.JsonWriter;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Account notices as NotificationsQueue messages: {@code {"account": TYPE, "userId", "at", ...}},
 * beside the order announcements the queue carries (which have an {@code orderId} instead). The
 * queue is encrypted at rest; a reset token in it lives 30 minutes.
 */
public final class SqsAccountNotices implements AccountNotices {

    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsAccountNotices(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void passwordChanged(String userId, Instant at) {
        send(message(PASSWORD_CHANGED, userId, at));
    }

    @Override
    public void passwordReset(String userId, String token, Instant expiresAt, Instant at) {
        Map<String, Object> message = message(PASSWORD_RESET, userId, at);
        message.put("resetToken", token);
        message.put("expiresAt", expiresAt.toString());
        send(message);
    }

    private static Map<String, Object> message(String type, String userId, Instant at) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account", type);
        message.put("userId", userId);
        message.put("at", at.toString());
        return message;
    }

    private void send(Map<String, Object> message) {
        String body = JsonWriter.write(message);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }
}
