package kiosk.jobs.payment;

/** The provider could not say whether it charged: an outage, a timeout, a "try again". Retried, never a decline. */
public final class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
