package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiosk.emulator.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data kept between starts, seeds only once, --fresh starting over; and the services-only mode for sam local. */
class RestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path data;

    @Test
    void dataSurvivesARestartAndSeedsRunOnce() throws Exception {
        Path root = Template.projectRoot();
        Options options = Options.ephemeral(root.resolve("template.yaml")).withSeed(root.resolve("local/seed.json"))
                .withDataDirectory(data);
        int seeded;
        Seeder.Account admin;
        String signingSecret;
        try (LocalRuntime first = LocalRuntime.start(options, QUIET)) {
            seeded = count(first.url());
            admin = first.admin();
            signingSecret = Files.readString(data.resolve("secrets.json"));
        }
        try (LocalRuntime second = LocalRuntime.start(options, QUIET)) {
            assertEquals(seeded, count(second.url()), "the catalog is kept and not seeded twice");
            assertEquals(admin, second.admin(), "the admin's credentials are kept");
            assertEquals(signingSecret, Files.readString(data.resolve("secrets.json")), "tokens signed before still verify");
            HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(second.url().resolve("/auth/login"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("email", admin.email(), "password", admin.password())))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
        }
        Options fresh = new Options(options.template(), options.host(), 0, data, true, null, false, 0, 0, 0, null, List.of(), true, Map.of());
        try (LocalRuntime third = LocalRuntime.start(fresh, QUIET)) {
            assertEquals(0, count(third.url()), "--fresh starts from nothing");
        }
    }

    /**
     * A first start whose seeding fails part way (here a step after the admin's signup) leaves
     * nothing half-seeded: the next start seeds from the beginning and starts, instead of failing
     * at every start after on an admin that already exists.
     */
    @Test
    void aSeedingThatFailsPartWayLeavesNothingForTheNextStartToTripOn() throws Exception {
        Path root = Template.projectRoot();
        Path failing = data.resolveSibling(data.getFileName() + "-failing-seed.json");
        var seed = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(root.resolve("local/seed.json").toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) seed.get("steps")).insert(1, JSON.readTree(
                "{\"request\": \"GET /health\", \"expect\": 201}"));
        Files.writeString(failing, JSON.writeValueAsString(seed));
        Options options = Options.ephemeral(root.resolve("template.yaml")).withDataDirectory(data);

        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> LocalRuntime.start(options.withSeed(failing), QUIET).close());
        assertTrue(refused.getMessage().contains("seed step GET /health answered 200, not 201"), refused.getMessage());

        try (LocalRuntime next = LocalRuntime.start(options.withSeed(root.resolve("local/seed.json")), QUIET)) {
            assertTrue(count(next.url()) > 0, "the next start seeded the catalog");
        } finally {
            Files.deleteIfExists(failing);
        }
    }

    /**
     * Only a folder this start found empty is emptied again: a folder that already held something
     * (a start with --no-seed before, a file of the user's) keeps all of it when seeding fails.
     */
    @Test
    void aFailedSeedingLeavesAFolderThatHeldSomethingAsItWas() throws Exception {
        Path root = Template.projectRoot();
        Path failing = data.resolveSibling(data.getFileName() + "-failing-seed.json");
        Files.writeString(failing, "{\"steps\": [{\"request\": \"GET /health\", \"expect\": 201}]}");
        Path notes = data.resolve("notes.txt");
        Files.writeString(notes, "mine");
        Options options = Options.ephemeral(root.resolve("template.yaml")).withDataDirectory(data);
        try {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> LocalRuntime.start(options.withSeed(failing), QUIET).close());
            assertTrue(refused.getMessage().contains("--fresh"), refused.getMessage());
            assertEquals("mine", Files.readString(notes));
            assertTrue(Files.exists(data.resolve("secrets.json")), "what the start made is kept too");
        } finally {
            Files.deleteIfExists(failing);
        }
    }

    @Test
    void servicesOnlyExposesTheTablesAndWritesAnEnvFileForSamLocal() throws Exception {
        Path root = Template.projectRoot();
        Path envFile = data.resolve("sam-env.json");
        int dynamo = freePort();
        int sqs = freePort();
        int secrets = freePort();
        Options options = new Options(root.resolve("template.yaml"), "127.0.0.1", 0, data.resolve("services"), false, null, true,
                dynamo, sqs, secrets, envFile, List.of(), true, Map.of());
        try (DataServices services = DataServices.start(options)) {
            // Every table the template declares, under its own name (the template, not this test, lists them).
            Map<String, String> expected = new HashMap<>();
            Template.load(root.resolve("template.yaml")).resources("AWS::DynamoDB::Table").keySet()
                    .forEach(id -> expected.put(id, id));
            assertTrue(expected.keySet().containsAll(List.of("ProductsTable", "UsersTable", "SessionsTable", "CartsTable")));
            assertEquals(expected, services.aws().tableNames());
            assertTrue(services.aws().dynamoDb().listTables().tableNames().contains("ProductsTable"));
            assertEquals(dynamo, services.aws().dynamoEndpoint().getPort());
            var env = JSON.readTree(envFile.toFile());
            var getProduct = env.get("GetProductFunction");
            assertEquals("ProductsTable", getProduct.get("PRODUCTS_TABLE").asText());
            assertEquals("http://host.docker.internal:" + dynamo, getProduct.get("KIOSK_ENDPOINT_URL_DYNAMODB").asText());
            assertEquals("http://host.docker.internal:" + secrets, env.get("LoginFunction").get("KIOSK_ENDPOINT_URL_SECRETS_MANAGER").asText());
            assertEquals(services.aws().keys().accessKeyId(), getProduct.get("KIOSK_LOCAL_ACCESS_KEY_ID").asText());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(envFile)), "it holds the credentials");
            assertEquals("SigningKeySecret", env.get("LoginFunction").get("SIGNING_SECRET_ID").asText());
            assertTrue(env.get("ListProductsFunction").get("CURSOR_SECRET_ID").asText().startsWith("CursorKeySecret"),
                    "the cursor key's secret is named, its value read at init");
            assertEquals(env.size(), services.aws().functions().size(), "every function of the template");
        }
    }

    private static int count(URI url) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(url.resolve("/products?limit=100")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(page.body()).get("items").size();
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
