package kiosk.fulfilment.notification;

/** One email to send: who from and to, the subject, and the same words as text and as HTML. */
public record Email(String from, String to, String subject, String text, String html) {

    /** Without the addresses: an email may end up in a log line, an address must not. */
    @Override
    public String toString() {
        return "Email[subject=" + subject + "]";
    }
}
