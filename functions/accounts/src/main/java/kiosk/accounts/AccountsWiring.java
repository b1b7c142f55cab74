package kiosk.accounts;

import java.time.Clock;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.password.PasswordService;
import kiosk.accounts.password.SqsAccountNotices;
import kiosk.accounts.privacy.DynamoDbPersonalData;
import kiosk.accounts.privacy.PrivacyService;
import kiosk.accounts.session.DynamoDbLoginAttempts;
import kiosk.accounts.session.DynamoDbSessionStore;
import kiosk.accounts.session.LogoutService;
import kiosk.accounts.session.SessionService;
import kiosk.accounts.session.SessionStore;
import kiosk.accounts.token.TokenWiring;
import kiosk.accounts.user.AccountService;
import kiosk.accounts.user.DynamoDbUserStore;
import kiosk.accounts.user.UserStore;
import kiosk.shared.aws.AwsClients;
import kiosk.shared.config.Config;
import kiosk.shared.ratelimit.RateLimiter;
import kiosk.shared.ratelimit.RateLimits;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the accounts handlers' no-argument constructors use, built once per execution environment
 * on first use. Each holder is a class of its own, so a function builds only what its handler
 * needs (logout: the sessions table alone). The tokens are {@link TokenWiring}'s.
 */
public final class AccountsWiring {

    private AccountsWiring() {
    }

    public static AccountService accounts() {
        return Accounts.SERVICE;
    }

    /** The accounts store: a primer seeds the account its request finds through it (answered from memory). */
    public static UserStore users() {
        return Users.STORE;
    }

    /** Signup's limit per client address (RATE_LIMIT), counted in RATE_LIMITS_TABLE. */
    public static RateLimiter signupLimiter() {
        return RateLimits.fromConfig(Users.CONFIG, Users.DYNAMO_DB, "signup");
    }

    public static SessionService sessions() {
        return Sessions.SERVICE;
    }

    public static LogoutService logouts() {
        return Logouts.SERVICE;
    }

    /** Refresh's sessions store: its primer seeds the sign-in its request finds (answered from memory). */
    public static SessionStore sessionStore() {
        return Sessions.STORE;
    }

    /** Logout's sessions store, for the same. */
    public static SessionStore logoutSessions() {
        return Logouts.STORE;
    }

    public static PasswordService passwords() {
        return Passwords.SERVICE;
    }

    public static PrivacyService privacy() {
        return Privacy.SERVICE;
    }

    public static PasswordHasher hasher() {
        return Hasher.HASHER;
    }

    private static final class Hasher {
        static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Cost.OWASP);
    }

    private static final class Users {
        static final Config CONFIG = Config.fromEnvironment();
        static final DynamoDbClient DYNAMO_DB = AwsClients.build(DynamoDbClient.builder(), CONFIG);
        static final String TABLE = CONFIG.require("USERS_TABLE");
        static final UserStore STORE = new DynamoDbUserStore(DYNAMO_DB, TABLE);
    }

    private static final class Accounts {
        static final AccountService SERVICE = AccountService.withDefaults(Users.STORE, Hasher.HASHER);
    }

    private static final class Sessions {
        static final SessionStore STORE = new DynamoDbSessionStore(Users.DYNAMO_DB, Users.CONFIG.require("SESSIONS_TABLE"),
                Users.TABLE);
        static final SessionService SERVICE = new SessionService(Users.STORE,
                new DynamoDbLoginAttempts(Users.DYNAMO_DB, Users.TABLE), STORE, Hasher.HASHER, TokenWiring.tokens(),
                Clock.systemUTC());
    }

    /** Logout reads SESSIONS_TABLE only: its function is given nothing more. */
    private static final class Logouts {
        static final SessionStore STORE = store();
        static final LogoutService SERVICE = new LogoutService(STORE, Clock.systemUTC());

        private static SessionStore store() {
            Config config = Config.fromEnvironment();
            return new DynamoDbSessionStore(AwsClients.build(DynamoDbClient.builder(), config), config.require("SESSIONS_TABLE"));
        }
    }

    /**
     * Password change and reset: the account, its sign-ins and sign-in attempts, the
     * NotificationsQueue (NOTIFICATIONS_QUEUE_URL), and the reset's limits (RATE_LIMIT, per client
     * address and per email digest) where the function is given them.
     */
    private static final class Passwords {
        static final PasswordService SERVICE = new PasswordService(Users.STORE,
                new DynamoDbLoginAttempts(Users.DYNAMO_DB, Users.TABLE),
                new DynamoDbSessionStore(Users.DYNAMO_DB, Users.CONFIG.require("SESSIONS_TABLE")), Hasher.HASHER,
                new SqsAccountNotices(AwsClients.build(SqsClient.builder(), Users.CONFIG),
                        Users.CONFIG.require("NOTIFICATIONS_QUEUE_URL")), limits(), Clock.systemUTC());

        private static PasswordService.Limits limits() {
            if (Users.CONFIG.optional("RATE_LIMIT").isEmpty()) {
                return PasswordService.Limits.NONE;
            }
            return new PasswordService.Limits(RateLimits.fromConfig(Users.CONFIG, Users.DYNAMO_DB, "reset-address"),
                    RateLimits.fromConfig(Users.CONFIG, Users.DYNAMO_DB, "reset-email"),
                    RateLimits.fromConfig(Users.CONFIG, Users.DYNAMO_DB, "reset-confirm"));
        }
    }

    /** Export and erasure: the account's items in every table that holds any. */
    private static final class Privacy {
        static final PrivacyService SERVICE = new PrivacyService(Users.STORE,
                new DynamoDbSessionStore(Users.DYNAMO_DB, Users.CONFIG.require("SESSIONS_TABLE")),
                new DynamoDbPersonalData(Users.DYNAMO_DB, new DynamoDbPersonalData.Tables(Users.CONFIG.require("CARTS_TABLE"),
                        Users.CONFIG.require("ORDERS_TABLE"), Users.CONFIG.require("NOTIFICATIONS_TABLE"),
                        Users.CONFIG.require("PROMOTIONS_TABLE"))),
                new DynamoDbLoginAttempts(Users.DYNAMO_DB, Users.TABLE), Hasher.HASHER, Clock.systemUTC());
    }
}
