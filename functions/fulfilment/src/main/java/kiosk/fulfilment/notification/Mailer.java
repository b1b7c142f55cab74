package kiosk.fulfilment.notification;

/** Sends email; {@link SesMailer} is the one implementation and the only caller of SES. */
public interface Mailer {

    /**
     * Sends one email. Throws {@link Rejected} when it can never go as it is (a refused sender or
     * address), {@link Unavailable} when it may go later (throttled, the service down or unreachable).
     */
    void send(Email email);

    /** Refused for good; {@code code} is the service's error code, which names no address. */
    final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Rejected(String code) {
            super(code, null, false, false);
        }
    }

    /** Not sent now; worth trying again later. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
