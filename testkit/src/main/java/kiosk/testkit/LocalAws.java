package kiosk.testkit;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local and ElasticMQ in this JVM, holding every table and queue that template.yaml
 * declares. Tables and queues are named by their logical ids. Once started, the SDK's own
 * {@code aws.endpointUrl*} system properties point every client built without an endpoint at
 * them, which is how function code, unchanged, reaches them in tests.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT = "000000000000";
    /** DynamoDB Local rejects access key ids that are not purely alphanumeric. */
    public static final String ACCESS_KEY = "kiosklocal";
    public static final String SECRET_KEY = "kiosklocal";

    private final DynamoDBProxyServer dynamoServer;
    private final SQSRestServer sqsServer;
    private final URI dynamoEndpoint;
    private final URI sqsEndpoint;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final Resources resources;
    private final AtomicInteger copies = new AtomicInteger();

    private LocalAws(Template template, Options options) {
        long started = System.nanoTime();
        int[] dynamoPort = new int[1];
        this.dynamoServer = startDynamoDb(options, dynamoPort);
        this.dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoPort[0]);
        TheSQSRestServerBuilder sqsBuilder = SQSRestServerBuilder.withInterface(options.sqsInterface()).withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT);
        this.sqsServer = (options.sqsPort() > 0 ? sqsBuilder.withPort(options.sqsPort()) : sqsBuilder.withDynamicPort())
                .start();
        int sqsPort = sqsServer.waitUntilStarted().localAddress().getPort();
        this.sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        pointSdkHere();
        this.resources = new Resources(template, dynamoDb, sqs, REGION, ACCOUNT);
        resources.createAll();
        System.err.printf("LocalAws: DynamoDB Local at %s, ElasticMQ at %s, %d tables and %d queues in %d ms%n",
                dynamoEndpoint, sqsEndpoint, resources.tableNames().size(), resources.queueUrls().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public static LocalAws start(Template template) {
        return new LocalAws(template, Options.IN_MEMORY);
    }

    public static LocalAws start(Template template, Options options) {
        return new LocalAws(template, options);
    }

    /**
     * How to run: ports 0 mean free ones; a data directory keeps DynamoDB data across restarts
     * (ElasticMQ keeps queues in memory). DynamoDB Local always listens on every interface;
     * ElasticMQ on the one given, 0.0.0.0 for clients in containers.
     */
    public record Options(int dynamoPort, int sqsPort, Path dataDirectory, String sqsInterface) {
        public static final Options IN_MEMORY = new Options(0, 0, null, "127.0.0.1");
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
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

    public String tableName(String logicalId) {
        return resources.tableName(logicalId);
    }

    public String queueUrl(String logicalId) {
        return resources.queueUrl(logicalId);
    }

    public Resources resources() {
        return resources;
    }

    /**
     * A new, empty copy of a declared table under a unique name, for a test that must see only
     * its own items (a listing of everything, say).
     */
    public String freshTable(String logicalId) {
        String name = logicalId + "-" + copies.incrementAndGet();
        resources.createTable(logicalId, name);
        return name;
    }

    /**
     * The variables template.yaml gives a function, Globals first, resolved against the local
     * resources. A value CloudFormation would fetch from Secrets Manager through a dynamic
     * reference gets a fresh random value instead, as the local runtime gives it.
     */
    public Map<String, String> functionEnvironment(Template template, Map<String, Object> function) {
        return functionEnvironment(template, function,
                resolved -> resolved.contains("{{resolve:secretsmanager:") ? randomSecret() : resolved);
    }

    /**
     * The same, with CloudFormation's dynamic references ({{resolve:...}}) left to the caller: a
     * runner that serves the template's secrets resolves them to their values.
     */
    public Map<String, String> functionEnvironment(Template template, Map<String, Object> function,
            UnaryOperator<String> dynamicReferences) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(template.functionGlobals(), function)) {
            if (source.get("Environment") instanceof Map<?, ?> environment
                    && environment.get("Variables") instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> out.put(String.valueOf(name),
                        dynamicReferences.apply(String.valueOf(resources.resolve(value)))));
            }
        }
        return out;
    }

    /**
     * What the functions of one deployable would see, merged: for an in-process runner to lay
     * over the environment with {@code Config.overlayEnvironment}.
     */
    public Map<String, String> functionsEnvironment(Template template, String codeUri) {
        Map<String, String> out = new LinkedHashMap<>();
        template.functionsOf(codeUri).values().forEach(function -> out.putAll(functionEnvironment(template, function)));
        return out;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /**
     * The environment a function would get for these services: region, dummy credentials and the
     * SDK's endpoint variables.
     */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        return env;
    }

    @Override
    public void close() {
        dynamoDb.close();
        sqs.close();
        sqsServer.stopAndWait();
        try {
            dynamoServer.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private void pointSdkHere() {
        System.setProperty("aws.region", REGION);
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", dynamoEndpoint.toString());
        System.setProperty("aws.endpointUrlSqs", sqsEndpoint.toString());
    }

    /** DynamoDB Local refuses port 0, so pick a free port and try again if another process takes it first. */
    private static DynamoDBProxyServer startDynamoDb(Options options, int[] portOut) {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = options.dynamoPort() > 0 ? options.dynamoPort() : freePort();
            List<String> args = new ArrayList<>(List.of("-port", String.valueOf(port), "-disableTelemetry"));
            if (options.dataDirectory() == null) {
                args.add("-inMemory");
            } else {
                args.addAll(List.of("-dbPath", options.dataDirectory().toString(), "-sharedDb"));
            }
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                server.start();
                portOut[0] = port;
                return server;
            } catch (Exception e) {
                last = e;
                if (options.dynamoPort() > 0) {
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
}
