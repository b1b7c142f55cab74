package kiosk.fulfilment.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mailer that keeps what it sent, or fails as a test tells it to. */
final class RecordingMailer implements Mailer {

    enum Mode { SEND, REJECT, UNAVAILABLE }

    final List<Email> sent = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.SEND;

    @Override
    public void send(Email email) {
        switch (mode) {
            case SEND -> sent.add(email);
            case REJECT -> throw new Rejected("MessageRejected");
            case UNAVAILABLE -> throw new Unavailable("SES answered 503 ServiceUnavailable");
        }
    }
}
