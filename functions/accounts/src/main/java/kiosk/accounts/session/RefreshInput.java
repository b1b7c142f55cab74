package kiosk.accounts.session;

import kiosk.shared.http.Checks;
import kiosk.shared.http.Validated;

/** The body of POST /auth/refresh and POST /auth/logout. */
public record RefreshInput(String refreshToken) implements Validated {

    @Override
    public void validate(Checks checks) {
        checks.text(refreshToken, "/refreshToken", 1, 512);
    }

    @Override
    public String toString() {
        return "RefreshInput[...]";
    }
}
