package kiosk.accounts.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.password.PasswordService;
import kiosk.accounts.session.LoginAttempts;
import kiosk.accounts.session.SessionService;
import kiosk.accounts.session.SessionStore;
import kiosk.accounts.user.User;
import kiosk.accounts.user.UserStore;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.NotFoundException;
import kiosk.shared.error.ProblemType;
import kiosk.shared.error.ValidationException;
import kiosk.shared.log.Log;

/**
 * A shopper's rights over their data (GDPR articles 15, 17 and 20): a copy of everything the shop
 * holds about them, in one JSON document, and erasure. Erasure deletes the account, its sign-ins,
 * cart, inbox and redemption counters, and keeps the orders for the books, anonymised. It is
 * refused while an order is still on its way, since the shop must still deliver it.
 */
public final class PrivacyService {

    /** The export's layout; a change that removes or renames a member raises it. */
    public static final int SCHEMA_VERSION = 1;
    public static final ProblemType ERASURE_BLOCKED = new ProblemType("erasure-blocked", 409, "Account cannot be erased yet");
    /**
     * How long an erased account's tombstone outlives it: longer than any token it could still
     * hold (access 15 minutes), so no request made with one is ever taken for a live account's.
     */
    static final Duration TOMBSTONE = Duration.ofDays(30);

    private static final JsonFactory JSON = new JsonFactory();

    private final UserStore users;
    private final SessionStore sessions;
    private final PersonalData personal;
    private final LoginAttempts attempts;
    private final PasswordHasher hasher;
    private final Clock clock;

    public PrivacyService(UserStore users, SessionStore sessions, PersonalData personal, LoginAttempts attempts,
                          PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.personal = personal;
        this.attempts = attempts;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Everything held about the account, as one JSON document (the README's "Privacy" describes it). */
    public String export(String userId) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("This account no longer exists."));
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("exportedAt", clock.instant().toString());
            json.writeObjectFieldStart("account");
            json.writeStringField("id", user.id());
            json.writeStringField("email", user.email());
            json.writeStringField("name", user.name());
            json.writeArrayFieldStart("roles");
            for (String role : user.sortedRoles()) {
                json.writeString(role);
            }
            json.writeEndArray();
            json.writeStringField("createdAt", user.createdAt());
            json.writeEndObject();
            json.writeArrayFieldStart("signIns");
            for (SessionStore.SignIn signIn : sessions.signInsOf(userId)) {
                json.writeStartObject();
                json.writeStringField("id", signIn.id());
                json.writeStringField("startedAt", text(signIn.startedAt()));
                json.writeStringField("lastRefreshedAt", text(signIn.lastRefreshedAt()));
                json.writeStringField("expiresAt", text(signIn.expiresAt()));
                json.writeBooleanField("revoked", signIn.revoked());
                json.writeEndObject();
            }
            json.writeEndArray();
            personal.export(userId, json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.info("account exported", "userId", userId, "chars", out.getBuffer().length());
        return out.toString();
    }

    /**
     * Erases the account if {@code password} is its password and no order is still on its way.
     * The account is marked first, which stops any checkout from placing an order for it; then its
     * orders are looked at; then everything goes. Run again after a failure part way, it finishes.
     */
    public void erase(String userId, String password) {
        Instant now = clock.instant();
        attempts.begin(PasswordService.GUESSES + userId, now, SessionService.EMAIL_FROM_ADDRESS);
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("This account no longer exists."));
        if (!hasher.verify(password, user.passwordHash())) {
            throw new ValidationException("/password", "is not the account's password");
        }
        attempts.clear(PasswordService.GUESSES + userId);
        String tombstoneId = users.beginErasure(userId, now, "erased-" + UUID.randomUUID())
                .orElseThrow(() -> new NotFoundException("This account no longer exists."));
        List<PersonalData.OpenOrder> open = personal.ordersInProgress(userId);
        if (!open.isEmpty()) {
            users.abandonErasure(userId);
            throw new DomainException(ERASURE_BLOCKED, "The account has " + (open.size() == 1 ? "an order" : open.size()
                    + " orders") + " still on the way (" + open.stream().map(o -> o.orderId() + ": " + o.status())
                    .collect(Collectors.joining(", ")) + "). It can be erased once "
                    + (open.size() == 1 ? "it is" : "they are") + " delivered or cancelled.");
        }
        personal.erase(userId, tombstoneId);
        sessions.deleteAll(userId);
        users.erase(user, now, now.plus(TOMBSTONE));
        Log.info("account erased", "userId", userId);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
