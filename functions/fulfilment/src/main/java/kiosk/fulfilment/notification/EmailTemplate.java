package kiosk.fulfilment.notification;

/**
 * A notification as an email: its title as the subject, and its words as a text part and an HTML
 * part. Every value goes into the HTML escaped, because a carrier's name or a tracking number
 * comes from a partner and must not become markup in the shopper's mail.
 */
final class EmailTemplate {

    private static final String FOOTER = "You can read this message in your Kiosk inbox too.";

    private EmailTemplate() {
    }

    static Email render(Notification notification, String from, String to) {
        return render(notification, from, to, null);
    }

    /** {@code privateText} (may be null): words for the mailbox only, such as a reset token, after the body. */
    static Email render(Notification notification, String from, String to, String privateText) {
        Notification.Data data = notification.data();
        boolean tracked = data.carrier() != null && data.trackingNumber() != null;
        boolean order = notification.orderId() != null;
        String text = notification.title() + "\n\n" + notification.body() + "\n\n"
                + (privateText == null ? "" : privateText + "\n\n")
                + (order ? "Order: " + notification.orderId() + "\n" : "")
                + (tracked ? "Carrier: " + data.carrier() + "\nTracking number: " + data.trackingNumber() + "\n" : "")
                + "\n" + FOOTER + "\n";
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(notification.title()) + "</title></head>\n<body style=\"font-family:sans-serif\">\n"
                + "<h1>" + escape(notification.title()) + "</h1>\n"
                + "<p>" + escape(notification.body()) + "</p>\n"
                + (privateText == null ? "" : "<p><strong>" + escape(privateText) + "</strong></p>\n")
                + (order ? "<p>Order: <strong>" + escape(notification.orderId()) + "</strong></p>\n" : "")
                + (tracked ? "<p>Carrier: " + escape(data.carrier()) + "<br>Tracking number: <strong>"
                        + escape(data.trackingNumber()) + "</strong></p>\n" : "")
                + "<p style=\"color:#666\">" + escape(FOOTER) + "</p>\n</body></html>\n";
        return new Email(from, to, notification.title(), text, html);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
