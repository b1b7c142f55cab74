package kiosk.emulator;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A template's AWS resources on this machine: DynamoDB Local, ElasticMQ and a Secrets Manager
 * endpoint in this JVM, holding every table, queue and secret the template declares (named by
 * their logical ids), with the template's intrinsic functions resolving to them and each
 * function's configuration resolved against them. Once started, the SDK's own
 * {@code aws.endpointUrl*} system properties point every client built without an endpoint here,
 * which is how function code, unchanged, reaches these services in tests and the local runtime.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT = "000000000000";

    private final Template template;
    private final DynamoDBProxyServer dynamoServer;
    private final SQSRestServer sqsServer;
    private final SqsFront sqsFront;
    private final AccessKeys keys = AccessKeys.generate();
    private final SecretsManagerEndpoint secretsManager;
    private final MailCatcher mail;
    private final URI dynamoEndpoint;
    private final URI sqsEndpoint;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient dynamoDbStreams;
    private final SqsClient sqs;
    private final Intrinsics intrinsics;
    private final Provisioner provisioner;
    private final Map<String, String> secretIds = new LinkedHashMap<>();
    private final Map<String, FunctionConfiguration> functions = new LinkedHashMap<>();
    private final AtomicInteger copies = new AtomicInteger();
    private final Map<String, String> previousProperties = new LinkedHashMap<>();

    /**
     * How to run. Ports 0 mean free ones. A data directory keeps DynamoDB's data (in its
     * {@code dynamodb/} folder) and the generated secrets between starts; ElasticMQ keeps queues in
     * memory. All three listen on {@code host} only (loopback unless a caller asks otherwise), and
     * answer only requests signed with this start's {@link #keys()}. {@code expireItems} turns on
     * the template's TTL, as in AWS; tests turn it off (see {@link Options#TESTS}).
     */
    public record Options(int dynamoPort, int sqsPort, int secretsPort, String host, Path dataDirectory,
            boolean expireItems) {
        public static final Options IN_MEMORY = new Options(0, 0, 0, "127.0.0.1", null, true);

        /**
         * In memory with no TTL sweep. Tests run on fixed clocks while DynamoDB Local's sweep runs on
         * the real one, so it would delete, part way through a test, items the test wrote as fresh.
         */
        public static final Options TESTS = new Options(0, 0, 0, "127.0.0.1", null, false);

        public Options(int dynamoPort, int sqsPort, int secretsPort, String host, Path dataDirectory) {
            this(dynamoPort, sqsPort, secretsPort, host, dataDirectory, true);
        }
    }

    private LocalAws(Template template, Options options) {
        long started = System.nanoTime();
        this.template = template;
        if (options.dataDirectory() != null) {
            OwnerOnlyFile.secureFolder(options.dataDirectory());
        }
        Path dynamoData = options.dataDirectory() == null ? null : createDirectories(options.dataDirectory().resolve("dynamodb"));
        int[] dynamoPort = new int[1];
        String clientHost = clientHost(options.host());
        this.dynamoServer = startDynamoDb(options.dynamoPort(), dynamoData, dynamoPort, options.host(), keys);
        this.dynamoEndpoint = URI.create("http://" + clientHost + ":" + dynamoPort[0]);
        this.sqsFront = new SqsFront(options.host(), options.sqsPort(), keys);
        this.sqsEndpoint = URI.create("http://" + clientHost + ":" + sqsFront.port());
        // ElasticMQ itself sits on a loopback address of its own, behind the front; queue URLs name the front.
        String hidden = "127." + (1 + RANDOM.nextInt(254)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
        this.sqsServer = SQSRestServerBuilder.withInterface(hidden).withDynamicPort().withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT).withServerAddress(new NodeAddress("http", clientHost, sqsFront.port(), ""))
                .start();
        sqsFront.forwardTo(URI.create("http://" + hidden + ":" + sqsServer.waitUntilStarted().localAddress().getPort()));
        this.secretsManager = SecretsManagerEndpoint.start(options.host(), options.secretsPort(), REGION, ACCOUNT, keys);
        this.mail = MailCatcher.start(options.host(), 0, keys,
                options.dataDirectory() == null ? null : options.dataDirectory().resolve("mail"));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
                keys.secretAccessKey()));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.dynamoDbStreams = DynamoDbStreamsClient.builder().endpointOverride(dynamoEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.intrinsics = new Intrinsics(template, REGION, ACCOUNT);
        this.provisioner = new Provisioner(template, intrinsics, dynamoDb, sqs, options.expireItems());
        pointSdkHere();
        try {
            provisioner.provision();
            LocalSecrets.load(template, options.dataDirectory()).forEach((id, value) -> {
                secretsManager.put(id, value);
                intrinsics.defineSecret(id, id, value);
                secretIds.put(id, id);
            });
            if (options.dataDirectory() != null) {
                OwnerOnlyFile.secureFolder(options.dataDirectory());
            }
            // An HTTP API's id, so that the template's own URLs of it (!Sub https://${HttpApi}.execute-api...)
            // resolve to something a local gateway can stand for (apiUrl).
            template.resources("AWS::Serverless::HttpApi").keySet().forEach(id ->
                    intrinsics.define(id, apiId(id), Map.of()));
            template.resources("AWS::Serverless::Function").forEach((id, properties) ->
                    functions.put(id, FunctionConfiguration.of(id, properties, template, intrinsics, sdkEnvironment())));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        System.err.printf("LocalAws: DynamoDB Local at %s, ElasticMQ at %s, Secrets Manager at %s;"
                        + " %d tables, %d queues, %d secrets in %d ms%n", dynamoEndpoint, sqsEndpoint, secretsEndpoint(),
                provisioner.tableNames().size(), provisioner.queueUrls().size(), secretIds.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The address a client on this machine uses for a listener bound to {@code bindHost}: the
     * listener's own, or loopback for a wildcard (0.0.0.0, ::), which is no address to call.
     */
    public static String clientHost(String bindHost) {
        return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
    }

    /**
     * The URL an HTTP API of the template has in AWS, as the template's functions are told it
     * (https://ID.execute-api.REGION.amazonaws.com); a local gateway serving the API replaces it
     * with its own.
     */
    public String apiUrl(String logicalId) {
        return "https://" + apiId(logicalId) + ".execute-api." + REGION + ".amazonaws.com";
    }

    /** What Ref of an HTTP API answers here: its logical id, lower-cased, as an API id is. */
    private static String apiId(String logicalId) {
        return logicalId.toLowerCase(java.util.Locale.ROOT);
    }

    /** The credentials these services accept, new at every start. */
    public AccessKeys keys() {
        return keys;
    }

    public static LocalAws start(Template template) {
        return new LocalAws(template, Options.IN_MEMORY);
    }

    public static LocalAws start(Template template, Options options) {
        return new LocalAws(template, options);
    }

    public Template template() {
        return template;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** DynamoDB Local's stream API, on the same endpoint as its tables. */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return dynamoDbStreams;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI secretsEndpoint() {
        return secretsManager.endpoint();
    }

    /** The local Secrets Manager, where a test can put a new version of a secret as a rotation would. */
    public SecretsManagerEndpoint secretsManager() {
        return secretsManager;
    }

    /** SES v2's SendEmail, caught: what a function configured with a sender mails lands here, never out. */
    public MailCatcher mail() {
        return mail;
    }

    public Intrinsics intrinsics() {
        return intrinsics;
    }

    public String tableName(String logicalId) {
        return provisioner.tableName(logicalId);
    }

    public String queueUrl(String logicalId) {
        return provisioner.queueUrl(logicalId);
    }

    public String queueArn(String logicalId) {
        String url = queueUrl(logicalId);
        return provisioner.queueArn(url.substring(url.lastIndexOf('/') + 1));
    }

    /** Table names by logical id. */
    public Map<String, String> tableNames() {
        return provisioner.tableNames();
    }

    /** Queue URLs by logical id. */
    public Map<String, String> queueUrls() {
        return provisioner.queueUrls();
    }

    /** Secret ids by logical id: what !Ref of each resolves to locally. */
    public Map<String, String> secretIds() {
        return Map.copyOf(secretIds);
    }

    /** Every function of the template, in template order. */
    public Map<String, FunctionConfiguration> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public FunctionConfiguration function(String logicalId) {
        FunctionConfiguration function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("the template declares no function " + logicalId + "; it has " + functions.keySet());
        }
        return function;
    }

    /**
     * A new, empty copy of a declared table under a unique name, for a test that must see only
     * its own items (a listing of everything, say).
     */
    public String freshTable(String logicalId) {
        return provisioner.createTable(logicalId, logicalId + "-" + copies.incrementAndGet());
    }

    /**
     * What a function needs to reach these services: the region, dummy credentials and the SDK's
     * endpoint variables.
     */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_SESV2", mail.endpoint().toString());
        return env;
    }

    /**
     * Stops the servers (a DynamoDB Local with a data directory has written everything by then) and
     * gives the SDK's endpoint properties back to whatever set them before this started.
     */
    @Override
    public void close() {
        previousProperties.forEach((name, previous) -> {
            if (ownProperty(name).equals(System.getProperty(name))) {
                if (previous == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, previous);
                }
            }
        });
        dynamoDb.close();
        dynamoDbStreams.close();
        sqs.close();
        secretsManager.close();
        mail.close();
        sqsServer.stopAndWait();
        sqsFront.close();
        try {
            dynamoServer.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> SDK_PROPERTIES = List.of("aws.region", "aws.accessKeyId", "aws.secretAccessKey",
            "aws.endpointUrlDynamoDb", "aws.endpointUrlSqs", "aws.endpointUrlSecretsManager", "aws.endpointUrlSesV2");

    private void pointSdkHere() {
        for (String name : SDK_PROPERTIES) {
            previousProperties.put(name, System.getProperty(name));
            System.setProperty(name, ownProperty(name));
        }
    }

    private String ownProperty(String name) {
        return switch (name) {
            case "aws.region" -> REGION;
            case "aws.accessKeyId" -> keys.accessKeyId();
            case "aws.secretAccessKey" -> keys.secretAccessKey();
            case "aws.endpointUrlDynamoDb" -> dynamoEndpoint.toString();
            case "aws.endpointUrlSqs" -> sqsEndpoint.toString();
            case "aws.endpointUrlSecretsManager" -> secretsEndpoint().toString();
            case "aws.endpointUrlSesV2" -> mail.endpoint().toString();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** DynamoDB Local refuses port 0, so pick a free port and try again if another process takes it first. */
    private static DynamoDBProxyServer startDynamoDb(int fixedPort, Path dataDirectory, int[] portOut, String host,
                                                    AccessKeys keys) {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = fixedPort > 0 ? fixedPort : freePort();
            List<String> args = new ArrayList<>(List.of("-port", String.valueOf(port), "-disableTelemetry"));
            if (dataDirectory == null) {
                args.add("-inMemory");
            } else {
                args.addAll(List.of("-dbPath", dataDirectory.toString(), "-sharedDb"));
            }
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                DynamoDbGuard.install(server, host, keys);
                server.start();
                portOut[0] = port;
                return server;
            } catch (Exception e) {
                last = e;
                if (fixedPort > 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + directory, e);
        }
    }
}
