package kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kiosk.accounts.authorizer.AuthorizerHandler;
import kiosk.accounts.password.PasswordHasher;
import kiosk.accounts.session.DynamoDbLoginAttempts;
import kiosk.accounts.session.DynamoDbSessionStore;
import kiosk.accounts.session.InvalidCredentialsException;
import kiosk.accounts.session.LoginInput;
import kiosk.accounts.session.SessionService;
import kiosk.accounts.token.AccessTokens;
import kiosk.accounts.token.SigningKeys;
import kiosk.accounts.user.AccountService;
import kiosk.accounts.user.DynamoDbUserStore;
import kiosk.accounts.user.SignupInput;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import kiosk.shared.json.JsonWriter;

/**
 * Warm latencies of the accounts path, in one JVM with DynamoDB Local in-process: login (the
 * service with the OWASP Argon2id cost and the real stores) for a right password, a wrong one and
 * an unknown email, and the authorizer's handling of a valid bearer token. Each call is timed on
 * its own; percentiles are of those times. Writes bench/results/auth-latency.json.
 * Usage: AuthLatency [LOGINS] [VERIFIES]: LOGINS successful logins are timed, with four wrong-password
 * and four unknown-email attempts beside each.
 */
public final class AuthLatency {

    private static final String PASSWORD = "violet staple orbit canyon";

    private AuthLatency() {
    }

    public static void main(String[] args) throws Exception {
        int logins = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int verifies = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        try (LocalAws aws = LocalAws.start(Template.project())) {
            String usersTable = aws.tableName("UsersTable");
            DynamoDbUserStore users = new DynamoDbUserStore(aws.dynamoDb(), usersTable);
            PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.OWASP);
            AccessTokens tokens = new AccessTokens(SigningKeys.of(SigningKeys.generate("bench")), "urn:kiosk:bench",
                    "urn:kiosk:bench:api", Clock.systemUTC());
            AccountService accounts = AccountService.withDefaults(users, hasher);
            SessionService sessions = new SessionService(users, new DynamoDbLoginAttempts(aws.dynamoDb(), usersTable),
                    new DynamoDbSessionStore(aws.dynamoDb(), aws.tableName("SessionsTable"), usersTable), hasher, tokens,
                    Clock.systemUTC());
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String email = "bench-" + i + "@example.com";
                accounts.signUp(new SignupInput(email, PASSWORD, "Bench " + i));
                emails.add(email);
            }

            // Four wrong passwords then the right one, round the accounts: never five failures in a row.
            List<Long> right = new ArrayList<>();
            List<Long> wrong = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int round = 0; round < logins + 10; round++) {
                String email = emails.get(round % emails.size());
                boolean warm = round >= 10;
                // An address per round: the login throttle holds one address to 100 attempts.
                String from = "10.0." + (round >> 8 & 255) + "." + (round & 255);
                for (int i = 0; i < 4; i++) {
                    String guess = "not the password " + i;
                    long t = timeRefused(() -> sessions.logIn(new LoginInput(email, guess), from));
                    if (warm) {
                        wrong.add(t);
                    }
                    String stranger = "nobody-" + UUID.randomUUID() + "@example.com";
                    t = timeRefused(() -> sessions.logIn(new LoginInput(stranger, PASSWORD), from));
                    if (warm) {
                        unknown.add(t);
                    }
                }
                long t = time(() -> sessions.logIn(new LoginInput(email, PASSWORD), from));
                if (warm) {
                    right.add(t);
                }
            }

            // The authorizer reads the token's account (erased? reset since?): one GetItem per request.
            aws.dynamoDb().putItem(b -> b.tableName(usersTable).item(Map.of(
                    "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("user#bench-user"),
                    "userId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("bench-user"))));
            AuthorizerHandler authorizer = new AuthorizerHandler(tokens,
                    new kiosk.accounts.authorizer.DynamoDbAccountStates(aws.dynamoDb(), usersTable), Optional.empty());
            Map<String, Object> event = Map.of("headers",
                    Map.of("authorization", "Bearer " + tokens.issue("bench-user", List.of("admin"))));
            for (int i = 0; i < 20_000; i++) {
                authorizer.handleRequest(event, null);
            }
            long[] verify = new long[verifies];
            for (int i = 0; i < verifies; i++) {
                long start = System.nanoTime();
                if (!Boolean.TRUE.equals(authorizer.handleRequest(event, null).get("isAuthorized"))) {
                    throw new IllegalStateException("the benchmark token was refused");
                }
                verify[i] = System.nanoTime() - start;
            }

            Map<String, Object> report = new LinkedHashMap<>();
            report.put("java", System.getProperty("java.vm.version"));
            report.put("cpus", Runtime.getRuntime().availableProcessors());
            report.put("argon2id", "m=19456 KiB, t=2, p=1");
            report.put("login_ok_ms", summary(right, 1e6));
            report.put("login_wrong_password_ms", summary(wrong, 1e6));
            report.put("login_unknown_email_ms", summary(unknown, 1e6));
            List<Long> verifyList = new ArrayList<>(verify.length);
            for (long v : verify) {
                verifyList.add(v);
            }
            report.put("authorizer_warm_us", summary(verifyList, 1e3));
            String json = JsonWriter.write(report);
            System.out.println(json);
            Path results = Template.projectRoot().resolve("bench/results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("auth-latency.json"), json + "\n");
        }
        System.exit(0);
    }

    private static long time(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return System.nanoTime() - start;
    }

    private static long timeRefused(Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
            throw new IllegalStateException("a login that should fail succeeded");
        } catch (InvalidCredentialsException expected) {
            return System.nanoTime() - start;
        }
    }

    /** Percentiles as strings with 3 decimals: JsonWriter refuses floating point on purpose. */
    private static Map<String, Object> summary(List<Long> nanos, double unit) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", (long) sorted.length);
        out.put("p50", String.format("%.3f", sorted[sorted.length / 2] / unit));
        out.put("p99", String.format("%.3f", sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / unit));
        out.put("max", String.format("%.3f", sorted[sorted.length - 1] / unit));
        return out;
    }
}
