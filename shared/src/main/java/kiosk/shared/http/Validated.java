package kiosk.shared.http;

/** A request body that checks its own values once Jackson has built it. */
public interface Validated {

    void validate(Checks checks);
}
