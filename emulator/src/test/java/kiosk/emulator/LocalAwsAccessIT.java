package kiosk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local services as an outsider meets them: on loopback only, and refusing anyone without
 * the credentials this start generated, whether they know the old fixed ones or none at all.
 */
class LocalAwsAccessIT {

    @TempDir
    static Path data;
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = LocalAws.start(Template.load(LocalAwsIT.resource("/stack-template.yaml")),
                new LocalAws.Options(0, 0, 0, "127.0.0.1", data.resolve("local-data")));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static StaticCredentialsProvider credentials(String id, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
    }

    private static List<Runnable> callsWith(StaticCredentialsProvider credentials) {
        DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(aws.dynamoEndpoint())
                .region(Region.of(LocalAws.REGION)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        SqsClient sqs = SqsClient.builder().endpointOverride(aws.sqsEndpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(aws.secretsEndpoint())
                .region(Region.of(LocalAws.REGION)).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        SesV2Client ses = SesV2Client.builder().endpointOverride(aws.mail().endpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        String secretId = aws.secretIds().keySet().iterator().next();
        return List.of(() -> dynamoDb.listTables(), () -> sqs.listQueues(),
                () -> secrets.getSecretValue(b -> b.secretId(secretId)), () -> ses.sendEmail(MAIL));
    }

    private static final SendEmailRequest MAIL = SendEmailRequest.builder().fromEmailAddress("shop@kiosk.local")
            .destination(d -> d.toAddresses("ivy@example.com"))
            .content(c -> c.simple(m -> m.subject(t -> t.data("Reset your password\r\nBcc: eve@example.com"))
                    .body(b -> b.text(t -> t.data("Your token: abc")).html(t -> t.data("<p>Your token: abc</p>")))))
            .build();

    @Test
    void sesCatchesEachMessageAsAFileOnlyItsOwnerReadsAndSendsNothing() throws IOException {
        SesV2Client ses = SesV2Client.builder().region(Region.of(LocalAws.REGION))
                .credentialsProvider(credentials(aws.keys().accessKeyId(), aws.keys().secretAccessKey()))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String id = ses.sendEmail(MAIL).messageId();
        MailCatcher.Message caught = aws.mail().messages().get(aws.mail().messages().size() - 1);
        assertEquals(id, caught.id(), "the client found the endpoint through aws.endpointUrlSesV2");
        assertEquals(List.of("ivy@example.com"), caught.to());
        Path folder = data.resolve("local-data/mail");
        assertEquals(folder, aws.mail().folder());
        Path file;
        try (var files = Files.list(folder)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(id + ".eml")).findFirst().orElseThrow();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        String text = Files.readString(file);
        assertTrue(text.contains("\nTo: ivy@example.com\n") && text.contains("\n\nYour token: abc\n"), text);
        assertTrue(text.contains("\nSubject: Reset your password Bcc: eve@example.com\n"), "no header smuggled in: " + text);

        BadRequestException malformed = assertThrows(BadRequestException.class,
                () -> ses.sendEmail(b -> b.fromEmailAddress("shop@kiosk.local").content(c -> c.simple(m -> m.subject(t -> t.data("x"))))));
        assertEquals(400, malformed.statusCode());
    }

    @Test
    void everyServiceAnswersThisStartsCredentials() {
        callsWith(credentials(aws.keys().accessKeyId(), aws.keys().secretAccessKey())).forEach(Runnable::run);
    }

    @Test
    void everyServiceRefusesOtherCredentialsIncludingTheOldFixedOnes() {
        for (StaticCredentialsProvider other : List.of(credentials("kiosklocal", "kiosklocal"),
                credentials("AKIAIOSFODNN7EXAMPLE", aws.keys().secretAccessKey()))) {
            for (Runnable call : callsWith(other)) {
                SdkServiceException refused = assertThrows(SdkServiceException.class, call::run);
                assertTrue(refused.statusCode() == 400 || refused.statusCode() == 403, refused.toString());
            }
        }
    }

    @Test
    void everyServiceRefusesAnUnsignedRequest() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (URI endpoint : List.of(aws.dynamoEndpoint(), aws.sqsEndpoint(), aws.secretsEndpoint(), aws.mail().endpoint())) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "secretsmanager.GetSecretValue")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"SecretId\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() == 400 || answer.statusCode() == 403, endpoint + ": " + answer.statusCode());
            assertTrue(answer.body().contains("UnrecognizedClientException"), answer.body());
        }
    }

    /** A request as written on the wire, for what the JDK's client will not send. */
    private static String raw(URI endpoint, String request) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSqsFrontSecretsManagerAndSesAnswerAMalformedTargetWithoutInternals() throws IOException {
        for (URI endpoint : List.of(aws.sqsEndpoint(), aws.secretsEndpoint(), aws.mail().endpoint())) {
            for (String target : List.of("/%zz", "/a\\b")) {
                String answer = raw(endpoint, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400 "), endpoint + target + ": " + answer);
                assertFalse(answer.contains("Exception"), endpoint + target + ": " + answer);
            }
        }
    }

    @Test
    void aClientThatSendsNothingMoreCannotHoldTheSqsFrontSecretsManagerOrSes() throws Exception {
        // Many half-sent requests, then a real call: answered while they are still open.
        List<Socket> held = new ArrayList<>();
        try {
            for (URI endpoint : List.of(aws.sqsEndpoint(), aws.secretsEndpoint(), aws.mail().endpoint())) {
                for (int i = 0; i < 40; i++) {
                    Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
                    socket.getOutputStream().write('G');
                    held.add(socket);
                }
            }
            ExecutorService call = Executors.newSingleThreadExecutor();
            try {
                call.submit(() -> callsWith(credentials(aws.keys().accessKeyId(), aws.keys().secretAccessKey()))
                        .forEach(Runnable::run)).get(10, TimeUnit.SECONDS);
            } finally {
                call.shutdownNow();
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void theCredentialsAreNewAtEveryStart() {
        try (LocalAws other = LocalAws.start(Template.load(LocalAwsIT.resource("/stack-template.yaml")))) {
            assertNotEquals(aws.keys().accessKeyId(), other.keys().accessKeyId());
            assertNotEquals(aws.keys().secretAccessKey(), other.keys().secretAccessKey());
        }
    }

    @Test
    void noServiceListensBeyondLoopback() throws IOException {
        List<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        for (InetAddress address : external) {
            for (URI endpoint : List.of(aws.dynamoEndpoint(), aws.sqsEndpoint(), aws.secretsEndpoint(), aws.mail().endpoint())) {
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class, () -> socket.connect(new InetSocketAddress(address,
                            endpoint.getPort()), 1000), endpoint + " answered on " + address);
                }
            }
        }
    }

    @Test
    void theDataFolderAndEverythingInItAreOwnerOnly() throws IOException {
        Path folder = data.resolve("local-data");
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = paths.toList();
            assertTrue(all.stream().anyMatch(Files::isRegularFile), "some data was written: " + all);
            for (Path path : all) {
                assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
            }
        }
    }
}
