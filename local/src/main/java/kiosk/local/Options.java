package kiosk.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the runtime runs. Defaults: template.yaml of the project, the gateway on 127.0.0.1:3000,
 * data kept in .local-data/ beside it, seeds from local/seed.json on first start.
 */
public record Options(Path template, String host, int port, Path dataDirectory, boolean fresh, Path seedFile,
        boolean servicesOnly, int dynamoPort, int sqsPort, int secretsPort, Path envFile, List<String> fire,
        boolean throttle, Map<String, String> parameters) {

    static final String USAGE = """
            usage: kiosk-local [options]
              --port N            gateway port (default 3000; 0 picks a free one)
              --host ADDRESS      the interface to listen on (default 127.0.0.1, this machine only): the
                                  gateway's, or with --services-only the data services'. Anything else
                                  (0.0.0.0, a Docker bridge) is reachable from other machines; they
                                  still need the per-start credentials in the env file
              --template FILE     the SAM template to run (default: the project's template.yaml)
              --data DIR          where DynamoDB data, local secrets and the admin's password live
                                  (default: .local-data beside the template)
              --fresh             delete that data first and seed again
              --in-memory         keep nothing: every start is fresh
              --no-seed           skip the demo catalog and admin
              --fire NAME         fire a schedule once the runtime is ready (repeatable)
              --no-throttle       serve without the template's route throttling (for load tests;
                                  functions' concurrency limits still apply)
              --parameter NAME=VALUE
                                  a template parameter's value instead of its default, as sam deploy's
                                  --parameter-overrides (repeatable): CheckoutRateLimit=off for a load test
              --services-only     only DynamoDB Local (8000), ElasticMQ (9324) and secrets (9325), for
                                  sam local; writes the --env-vars file (default .local-data/sam-env.json)
              --dynamodb-port N, --sqs-port N, --secrets-port N, --env-file FILE
              --env-file FILE     without --services-only: writes each function's handler, package
                                  and whole environment as this runtime runs it (this start's
                                  credentials; owner-only), to run one in a JVM of its own
            """;

    static Options parse(String[] args, Path projectRoot) {
        Path template = projectRoot.resolve("template.yaml");
        String host = "127.0.0.1";
        int port = 3000;
        Path data = null;
        boolean inMemory = false;
        boolean fresh = false;
        Path seed = projectRoot.resolve("local").resolve("seed.json");
        boolean servicesOnly = false;
        int dynamoPort = 8000;
        int sqsPort = 9324;
        int secretsPort = 9325;
        Path envFile = null;
        List<String> fire = new ArrayList<>();
        boolean throttle = true;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--template" -> template = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--data" -> data = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--fresh" -> fresh = true;
                case "--in-memory" -> inMemory = true;
                case "--no-seed" -> seed = null;
                case "--seed" -> seed = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--fire" -> fire.add(value(args, ++i, arg));
                case "--no-throttle" -> throttle = false;
                case "--parameter" -> {
                    String pair = value(args, ++i, arg);
                    int equals = pair.indexOf('=');
                    if (equals < 1) {
                        throw new UsageException("--parameter takes NAME=VALUE, such as CheckoutRateLimit=off\n" + USAGE);
                    }
                    parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                case "--services-only" -> servicesOnly = true;
                case "--dynamodb-port" -> dynamoPort = Integer.parseInt(value(args, ++i, arg));
                case "--sqs-port" -> sqsPort = Integer.parseInt(value(args, ++i, arg));
                case "--secrets-port" -> secretsPort = Integer.parseInt(value(args, ++i, arg));
                case "--env-file" -> envFile = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "-h", "--help" -> throw new HelpRequested(USAGE);
                default -> throw new UsageException("unknown option " + arg + "\n" + USAGE);
            }
        }
        Path dataDirectory = inMemory ? null : data != null ? data : template.getParent().resolve(".local-data");
        if (envFile == null && servicesOnly) {
            envFile = (dataDirectory != null ? dataDirectory : template.getParent()).resolve("sam-env.json");
        }
        return new Options(template, host, port, dataDirectory, fresh, seed, servicesOnly, dynamoPort, sqsPort, secretsPort,
                envFile, List.copyOf(fire), throttle, Map.copyOf(parameters));
    }

    /** For tests and embedding: the given template on a free port, nothing kept, no seeds. */
    public static Options ephemeral(Path template) {
        return new Options(template, "127.0.0.1", 0, null, false, null, false, 0, 0, 0, null, List.of(), true, Map.of());
    }

    public Options withSeed(Path seed) {
        return new Options(template, host, port, dataDirectory, fresh, seed, servicesOnly, dynamoPort, sqsPort, secretsPort,
                envFile, fire, throttle, parameters);
    }

    public Options withDataDirectory(Path directory) {
        return new Options(template, host, port, directory, fresh, seedFile, servicesOnly, dynamoPort, sqsPort, secretsPort,
                envFile, fire, throttle, parameters);
    }

    public Options withParameters(Map<String, String> values) {
        return new Options(template, host, port, dataDirectory, fresh, seedFile, servicesOnly, dynamoPort, sqsPort, secretsPort,
                envFile, fire, throttle, Map.copyOf(values));
    }

    public Options withFire(List<String> schedules) {
        return new Options(template, host, port, dataDirectory, fresh, seedFile, servicesOnly, dynamoPort, sqsPort, secretsPort,
                envFile, List.copyOf(schedules), throttle, parameters);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** --help: the usage, on standard output, and a successful exit. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested(String usage) {
            super(usage);
        }
    }

    /** A command line that cannot run: the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
