package kiosk.accounts.session;

/** The answer of login and refresh: an OAuth-style token pair. Lifetimes are in seconds. */
public record Session(String accessToken, String tokenType, long expiresIn, String refreshToken,
                      long refreshExpiresIn) {

    @Override
    public String toString() {
        return "Session[...]";
    }
}
