package kiosk.shared.auth;

/**
 * Role names, as access tokens carry them, the authorizer passes them to handlers, and
 * template.yaml's REQUIRED_ROLE names them. Signup never grants one.
 */
public final class Roles {

    /** May change the catalog; granted by an operator only (GrantAdminFunction). */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
