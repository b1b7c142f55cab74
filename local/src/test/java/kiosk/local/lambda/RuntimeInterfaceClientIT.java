package kiosk.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import kiosk.emulator.FunctionConfiguration;
import kiosk.emulator.LocalAws;
import kiosk.emulator.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function of template.yaml run as Lambda's Java runtime runs it, with no Docker: its
 * package unzipped as the task root, AWS's runtime interface client loading the handler and
 * (de)serializing events in a JVM of its own, the environment the template gives it, and a
 * Runtime API that this test serves on loopback. Each function answers its events/ file. Where a
 * file names something that exists only in the sample (a product id, a refresh token, a user id,
 * an access token), it is pointed at the real thing, created first through the functions
 * themselves. A probe package shows the harness is the real runtime: an SQS consumer without
 * joda-time fails under it, as on Lambda, and answers once joda-time is in its lib/.
 */
class RuntimeInterfaceClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ExecutionEnvironment> FUNCTIONS = new LinkedHashMap<>();

    @TempDir
    static Path work;

    private static LocalAws aws;
    private static ExecutionEnvironment probeWithoutJoda;
    private static ExecutionEnvironment probeWithJoda;
    private static Path events;
    private static Given given;

    /** What the event files refer to, created through the functions before any file is fed. */
    private record Given(String userId, String email, String shopperToken, String adminToken, String product,
            String productToDelete) {
    }

    /** A function's answer to an API Gateway event (payload 2.0). */
    private record HttpAnswer(int status, Map<String, String> headers, JsonNode body) {
    }

    @FunctionalInterface
    private interface Check {
        void answers(String eventFile) throws Exception;
    }

    @BeforeAll
    static void startEveryFunctionUnderTheRuntimeInterfaceClient() throws Exception {
        Template template = Template.project();
        events = Template.projectRoot().resolve("events");
        aws = LocalAws.start(template);
        Map<Path, Path> taskRoots = new HashMap<>();
        for (FunctionConfiguration function : aws.functions().values()) {
            Path zip = function.codeUri();
            if (!taskRoots.containsKey(zip)) {
                taskRoots.put(zip, TaskRoot.unzip(zip, work.resolve("task-" + zip.getFileName())));
            }
            FUNCTIONS.put(function.logicalId(), ExecutionEnvironment.start(function, taskRoots.get(zip),
                    launch(template, function.logicalId()), work));
        }
        // The probes start now too, so that their JVMs start beside the others'.
        probeWithoutJoda = probe(false);
        probeWithJoda = probe(true);
        given = givenWhatTheEventFilesReferTo();
    }

    @AfterAll
    static void stop() {
        Stream.concat(FUNCTIONS.values().stream(), Stream.of(probeWithoutJoda, probeWithJoda)).filter(Objects::nonNull)
                .forEach(ExecutionEnvironment::close);
        if (aws != null) {
            aws.close();
        }
    }

    /**
     * The account the login and grant files name, signed up through SignupFunction, and its first
     * access token (no role: a shopper's); an admin made as an operator makes one; two products.
     */
    private static Given givenWhatTheEventFilesReferTo() throws Exception {
        String signup = eventFile("SignupFunction");
        String signupEmail = body(signup).get("email").asText();
        String login = eventFile("LoginFunction");
        String email = body(login).get("email").asText();

        HttpAnswer account = http("SignupFunction", pointed(signup, signupEmail, email));
        assertEquals(201, account.status(), account::toString);
        String shopperToken = accessToken(login);

        String adminEmail = "sample-admin@example.com";
        assertEquals(201, http("SignupFunction", pointed(signup, signupEmail, adminEmail)).status());
        String grant = eventFile("GrantAdminFunction");
        JsonNode granted = json(success("GrantAdminFunction", pointed(grant, JSON.readTree(grant).get("email").asText(), adminEmail)));
        assertTrue(granted.get("granted").asBoolean(), granted::toString);
        String adminToken = accessToken(pointed(login, email, adminEmail));

        String product = created(eventFile("CreateProductFunction"));
        String productToDelete = created(eventFile("CreateProductFunction"));
        return new Given(account.body().get("id").asText(), email, shopperToken, adminToken, product, productToDelete);
    }

    @TestFactory
    Stream<DynamicTest> eachFunctionAnswersItsEventFile() {
        Map<String, Check> checks = Map.ofEntries(
                Map.entry("GetProductFunction", RuntimeInterfaceClientIT::getProduct),
                Map.entry("ListProductsFunction", RuntimeInterfaceClientIT::listProducts),
                Map.entry("HealthFunction", RuntimeInterfaceClientIT::health),
                Map.entry("CreateProductFunction", RuntimeInterfaceClientIT::createProduct),
                Map.entry("UpdateProductFunction", RuntimeInterfaceClientIT::updateProduct),
                Map.entry("AdjustStockFunction", RuntimeInterfaceClientIT::adjustStock),
                Map.entry("DeleteProductFunction", RuntimeInterfaceClientIT::deleteProduct),
                Map.entry("SignupFunction", RuntimeInterfaceClientIT::signup),
                Map.entry("LoginFunction", RuntimeInterfaceClientIT::login),
                Map.entry("RefreshFunction", RuntimeInterfaceClientIT::refresh),
                Map.entry("LogoutFunction", RuntimeInterfaceClientIT::logout),
                Map.entry("GetProfileFunction", RuntimeInterfaceClientIT::getProfile),
                Map.entry("ChangePasswordFunction", RuntimeInterfaceClientIT::changePassword),
                Map.entry("RequestPasswordResetFunction", RuntimeInterfaceClientIT::requestPasswordReset),
                Map.entry("ConfirmPasswordResetFunction", RuntimeInterfaceClientIT::confirmPasswordReset),
                Map.entry("ExportAccountFunction", RuntimeInterfaceClientIT::exportAccount),
                Map.entry("DeleteAccountFunction", RuntimeInterfaceClientIT::deleteAccount),
                Map.entry("AuthorizerFunction", RuntimeInterfaceClientIT::authorizer),
                Map.entry("AdminAuthorizerFunction", RuntimeInterfaceClientIT::adminAuthorizer),
                Map.entry("GrantAdminFunction", RuntimeInterfaceClientIT::grantAdmin),
                Map.entry("GetCartFunction", RuntimeInterfaceClientIT::getCart),
                Map.entry("PutCartLineFunction", RuntimeInterfaceClientIT::putCartLine),
                Map.entry("DeleteCartLineFunction", RuntimeInterfaceClientIT::deleteCartLine),
                Map.entry("ClearCartFunction", RuntimeInterfaceClientIT::clearCart),
                Map.entry("CheckoutFunction", RuntimeInterfaceClientIT::checkout),
                Map.entry("ListOrdersFunction", RuntimeInterfaceClientIT::listOrders),
                Map.entry("GetOrderFunction", RuntimeInterfaceClientIT::getOrder),
                Map.entry("CancelOrderFunction", RuntimeInterfaceClientIT::cancelOrder),
                Map.entry("CreatePromotionFunction", RuntimeInterfaceClientIT::createPromotion),
                Map.entry("ListPromotionsFunction", RuntimeInterfaceClientIT::listPromotions),
                Map.entry("GetPromotionFunction", RuntimeInterfaceClientIT::getPromotion),
                Map.entry("DeactivatePromotionFunction", RuntimeInterfaceClientIT::deactivatePromotion),
                Map.entry("AnnounceOrdersFunction", RuntimeInterfaceClientIT::announceOrders),
                Map.entry("PayOrdersFunction", RuntimeInterfaceClientIT::payOrders),
                Map.entry("ExpireOrdersFunction", RuntimeInterfaceClientIT::expireOrders),
                Map.entry("AdminListOrdersFunction", RuntimeInterfaceClientIT::adminListOrders),
                Map.entry("AdminGetOrderFunction", RuntimeInterfaceClientIT::adminGetOrder),
                Map.entry("AdminCancelOrderFunction", RuntimeInterfaceClientIT::adminCancelOrder),
                Map.entry("PaymentSimulatorFunction", RuntimeInterfaceClientIT::paymentSimulator),
                Map.entry("FulfilOrdersFunction", RuntimeInterfaceClientIT::fulfilOrders),
                Map.entry("ShippingWebhookFunction", RuntimeInterfaceClientIT::shippingWebhook),
                Map.entry("PartnerCallbacksFunction", RuntimeInterfaceClientIT::partnerCallbacks),
                Map.entry("ShippingSimulatorFunction", RuntimeInterfaceClientIT::shippingSimulator),
                Map.entry("NotifyFunction", RuntimeInterfaceClientIT::notifyShopper),
                Map.entry("ListNotificationsFunction", RuntimeInterfaceClientIT::listNotifications),
                Map.entry("ReadNotificationFunction", RuntimeInterfaceClientIT::readNotification),
                Map.entry("DailyReportFunction", RuntimeInterfaceClientIT::dailyReport),
                Map.entry("GetDailyReportFunction", RuntimeInterfaceClientIT::getDailyReport),
                Map.entry("ListDailyReportsFunction", RuntimeInterfaceClientIT::listDailyReports));
        return FUNCTIONS.keySet().stream().map(id -> dynamicTest(id, () -> {
            Check check = checks.get(id);
            assertNotNull(check, id + " is in template.yaml, but nothing here checks its answer: add a check");
            assertTrue(Files.isRegularFile(events.resolve(id + ".json")), "no events/" + id + ".json");
            check.answers(eventFile(id));
        }));
    }

    @Test
    void anSqsConsumerWithoutJodaTimeFailsEveryInvocationAsOnLambdaAndAnswersWithIt() {
        for (int i = 0; i < 2; i++) {
            Answer answer = probeWithoutJoda.invoke(SqsConsumerPackage.EVENT);
            Answer.Failure failure = assertInstanceOf(Answer.Failure.class, answer, probeWithoutJoda::log);
            // The serializer's own exception type, around the class it could not load.
            assertTrue(failure.errorMessage().contains("ClassNotFoundException: org.joda.time.DateTime"), failure::toString);
        }
        assertEquals(new Answer.Success(SqsConsumerPackage.ANSWER), probeWithJoda.invoke(SqsConsumerPackage.EVENT), probeWithJoda::log);
    }

    // ---------------------------------------------------------------- catalog

    private static void getProduct(String file) throws Exception {
        HttpAnswer unknown = http("GetProductFunction", file);
        assertEquals(404, unknown.status(), "the sample's product does not exist here: " + unknown);
        assertEquals("application/problem+json", unknown.headers().get("content-type"));

        HttpAnswer found = http("GetProductFunction", pointedAt(file, "/pathParameters/id", given.product()));
        assertEquals(200, found.status(), found::toString);
        assertEquals("application/json", found.headers().get("content-type"));
        assertEquals(given.product(), found.body().get("id").asText());
        assertEquals(body(eventFile("CreateProductFunction")).get("name"), found.body().get("name"));
        assertNotNull(found.headers().get("etag"), found::toString);
    }

    private static void health(String file) throws Exception {
        HttpAnswer health = http("HealthFunction", file);
        assertEquals(200, health.status(), health::toString);
        assertEquals("ok", health.body().get("status").asText(), health::toString);
        assertEquals("dev", health.body().get("version").asText(), "the template's AppVersion");
        assertEquals(13, health.body().get("tables").size(), health::toString);
        assertEquals("no-store", health.headers().get("cache-control"));
    }

    private static void listProducts(String file) throws Exception {
        HttpAnswer page = http("ListProductsFunction", file);
        assertEquals(200, page.status(), page::toString);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> {
            assertEquals("home-office", item.get("category").asText());
            ids.add(item.get("id").asText());
        });
        assertTrue(ids.contains(given.product()), "the listing has the product created: " + ids);
    }

    private static void createProduct(String file) throws Exception {
        HttpAnswer created = http("CreateProductFunction", file);
        assertEquals(201, created.status(), created::toString);
        assertEquals("/products/" + created.body().get("id").asText(), created.headers().get("location"));
        assertEquals(body(file).get("price"), created.body().get("price"));
    }

    private static void updateProduct(String file) throws Exception {
        HttpAnswer updated = http("UpdateProductFunction", pointedAt(file, "/pathParameters/id", given.product()));
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(body(file).get("name"), updated.body().get("name"));
        assertNotEquals(JSON.readTree(file).at("/headers/if-match").asText(), updated.headers().get("etag"), "a new version");
    }

    private static void adjustStock(String file) throws Exception {
        HttpAnswer before = http("GetProductFunction", pointedAt(eventFile("GetProductFunction"), "/pathParameters/id",
                given.product()));
        HttpAnswer adjusted = http("AdjustStockFunction", pointedAt(file, "/pathParameters/id", given.product()));
        assertEquals(200, adjusted.status(), adjusted::toString);
        assertEquals(before.body().get("stock").asInt() + body(file).get("delta").asInt(), adjusted.body().get("stock").asInt());
        String was = before.headers().get("etag");
        String is = adjusted.headers().get("etag");
        assertNotEquals(was, is, "the representation changed, so its tag did");
        assertEquals(was.substring(0, was.indexOf('.')), is.substring(0, is.indexOf('.')), "stock is not part of the edited version");
    }

    private static void deleteProduct(String file) throws Exception {
        HttpAnswer deleted = http("DeleteProductFunction", pointedAt(file, "/pathParameters/id", given.productToDelete()));
        assertEquals(204, deleted.status(), deleted::toString);
        HttpAnswer gone = http("GetProductFunction", pointedAt(eventFile("GetProductFunction"), "/pathParameters/id",
                given.productToDelete()));
        assertEquals(404, gone.status(), "an archived product is gone from the catalog: " + gone);
    }

    // ---------------------------------------------------------------- accounts

    private static void signup(String file) throws Exception {
        HttpAnswer created = http("SignupFunction", file);
        assertEquals(201, created.status(), created::toString);
        assertEquals(body(file).get("email"), created.body().get("email"));
        assertEquals("/me", created.headers().get("location"));
        assertFalse(created.body().toString().contains(body(file).get("password").asText()), "the password never comes back");
    }

    private static void login(String file) throws Exception {
        HttpAnswer session = http("LoginFunction", file);
        assertEquals(200, session.status(), session::toString);
        assertEquals("Bearer", session.body().get("tokenType").asText());
        assertEquals(3, session.body().get("accessToken").asText().split("\\.").length, "a JWT");
        assertFalse(session.body().get("refreshToken").asText().isBlank());
    }

    private static void refresh(String file) throws Exception {
        HttpAnswer sample = http("RefreshFunction", file);
        assertEquals(401, sample.status(), "the sample's refresh token was never issued here: " + sample);

        String issued = refreshToken(eventFile("LoginFunction"));
        HttpAnswer refreshed = http("RefreshFunction", pointed(file, body(file).get("refreshToken").asText(), issued));
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertNotEquals(issued, refreshed.body().get("refreshToken").asText(), "a refresh token is used up");
    }

    private static void logout(String file) throws Exception {
        String issued = refreshToken(eventFile("LoginFunction"));
        String event = pointed(pointedAt(file, "/requestContext/authorizer/lambda/userId", given.userId()),
                body(file).get("refreshToken").asText(), issued);
        HttpAnswer loggedOut = http("LogoutFunction", event);
        assertEquals(204, loggedOut.status(), loggedOut::toString);

        String refresh = eventFile("RefreshFunction");
        HttpAnswer after = http("RefreshFunction", pointed(refresh, body(refresh).get("refreshToken").asText(), issued));
        assertEquals(401, after.status(), "a logged-out session cannot be refreshed: " + after);
    }

    private static void getProfile(String file) throws Exception {
        HttpAnswer profile = http("GetProfileFunction", pointedAt(file, "/requestContext/authorizer/lambda/userId", given.userId()));
        assertEquals(200, profile.status(), profile::toString);
        assertEquals(given.email(), profile.body().get("email").asText());
        assertEquals(given.userId(), profile.body().get("id").asText());
    }

    /** A wrong current password: read, hashed against and refused, and the account as it was (other checks use it). */
    private static void changePassword(String file) throws Exception {
        HttpAnswer refused = http("ChangePasswordFunction", pointed(pointedAt(file, "/requestContext/authorizer/lambda/userId",
                given.userId()), body(file).get("currentPassword").asText(), "not the password at all"));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("/currentPassword", refused.body().get("errors").get(0).get("pointer").asText(), refused::toString);
    }

    private static void requestPasswordReset(String file) throws Exception {
        HttpAnswer accepted = http("RequestPasswordResetFunction", pointed(file, body(file).get("email").asText(), given.email()));
        assertEquals(202, accepted.status(), accepted::toString);
        assertTrue(accepted.body().get("message").asText().startsWith("If an account has this email"), accepted::toString);
    }

    private static void confirmPasswordReset(String file) throws Exception {
        HttpAnswer refused = http("ConfirmPasswordResetFunction", file);
        assertEquals(400, refused.status(), "the sample's token was never issued here: " + refused);
        assertTrue(refused.body().get("type").asText().endsWith("invalid-reset-token"), refused::toString);
    }

    private static void exportAccount(String file) throws Exception {
        HttpAnswer export = http("ExportAccountFunction", pointedAt(file, "/requestContext/authorizer/lambda/userId", given.userId()));
        assertEquals(200, export.status(), export::toString);
        assertEquals(1, export.body().get("schemaVersion").asInt());
        assertEquals(given.email(), export.body().get("account").get("email").asText());
        assertTrue(export.body().get("signIns").size() >= 1, export::toString);
    }

    /** A wrong password: the erasure is refused and the account stays (other checks use it). */
    private static void deleteAccount(String file) throws Exception {
        HttpAnswer refused = http("DeleteAccountFunction", pointed(pointedAt(file, "/requestContext/authorizer/lambda/userId",
                given.userId()), body(file).get("password").asText(), "not the password at all"));
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("/password", refused.body().get("errors").get(0).get("pointer").asText(), refused::toString);
    }

    private static void grantAdmin(String file) throws Exception {
        JsonNode result = json(success("GrantAdminFunction", file));
        assertTrue(result.get("granted").asBoolean(), result::toString);
        assertEquals(given.userId(), result.get("userId").asText());
        assertTrue(result.get("roles").toString().contains("\"admin\""), result::toString);
    }

    private static void authorizer(String file) throws Exception {
        assertEquals(Map.of("isAuthorized", false, "context", Map.of()), decision("AuthorizerFunction", file),
                "the sample's token is not signed with this stack's key");
        Map<String, Object> shopper = decision("AuthorizerFunction", withToken(file, given.shopperToken()));
        assertEquals(true, shopper.get("isAuthorized"), shopper::toString);
        Map<?, ?> context = (Map<?, ?>) shopper.get("context");
        assertEquals(given.userId(), context.get("userId"));
        assertEquals("", context.get("roles"));
        assertTrue(context.get("sessionId") instanceof String, "the token names its sign-in: " + context);
    }

    private static void adminAuthorizer(String file) throws Exception {
        assertEquals(false, decision("AdminAuthorizerFunction", file).get("isAuthorized"), "the sample's token");
        assertEquals(false, decision("AdminAuthorizerFunction", withToken(file, given.shopperToken())).get("isAuthorized"),
                "a signed-in shopper is not an admin");
        Map<String, Object> admin = decision("AdminAuthorizerFunction", withToken(file, given.adminToken()));
        assertEquals(true, admin.get("isAuthorized"), admin::toString);
        assertEquals("admin", ((Map<?, ?>) admin.get("context")).get("roles"));
    }

    // ---------------------------------------------------------------- orders

    /** A cart event as the given shopper, about the product the catalog checks created. */
    private static String asShopper(String file, String userId) throws Exception {
        String event = pointedAt(file, "/requestContext/authorizer/lambda/userId", userId);
        return JSON.readTree(file).at("/pathParameters/productId").isMissingNode() ? event
                : pointedAt(event, "/pathParameters/productId", given.product());
    }

    private static void getCart(String file) throws Exception {
        HttpAnswer cart = http("GetCartFunction", asShopper(file, "ric-cart-reader"));
        assertEquals(200, cart.status(), cart::toString);
        assertEquals(0, cart.body().get("lines").size());
        assertEquals("\"0\"", cart.headers().get("etag"));
    }

    private static void putCartLine(String file) throws Exception {
        HttpAnswer unknown = http("PutCartLineFunction", file);
        assertEquals(404, unknown.status(), "the sample's product does not exist here: " + unknown);
        HttpAnswer cart = http("PutCartLineFunction", asShopper(file, "ric-cart-filler"));
        assertEquals(200, cart.status(), cart::toString);
        assertEquals(given.product(), cart.body().at("/lines/0/productId").asText());
        assertEquals(body(file).get("quantity"), cart.body().at("/lines/0/quantity"));
        assertEquals("IN_STOCK", cart.body().at("/lines/0/availability").asText(), cart::toString);
    }

    private static void deleteCartLine(String file) throws Exception {
        assertEquals(200, http("PutCartLineFunction", asShopper(eventFile("PutCartLineFunction"), "ric-cart-remover")).status());
        HttpAnswer cart = http("DeleteCartLineFunction", asShopper(file, "ric-cart-remover"));
        assertEquals(200, cart.status(), cart::toString);
        assertEquals(0, cart.body().get("lines").size());
        assertEquals("\"2\"", cart.headers().get("etag"));
    }

    private static void clearCart(String file) throws Exception {
        assertEquals(200, http("PutCartLineFunction", asShopper(eventFile("PutCartLineFunction"), "ric-cart-clearer")).status());
        HttpAnswer cleared = http("ClearCartFunction", asShopper(file, "ric-cart-clearer"));
        assertEquals(204, cleared.status(), cleared::toString);
        HttpAnswer after = http("GetCartFunction", asShopper(eventFile("GetCartFunction"), "ric-cart-clearer"));
        assertEquals(0, after.body().get("lines").size(), after::toString);
    }

    private static void checkout(String file) throws Exception {
        HttpAnswer empty = http("CheckoutFunction", asShopper(file, "ric-checkout"));
        assertEquals(409, empty.status(), "nothing in the cart yet: " + empty);
        assertEquals(200, http("PutCartLineFunction", asShopper(eventFile("PutCartLineFunction"), "ric-checkout")).status());
        HttpAnswer placed = http("CheckoutFunction", asShopper(file, "ric-checkout"));
        assertEquals(201, placed.status(), placed::toString);
        assertEquals("PENDING_PAYMENT", placed.body().get("status").asText());
        assertEquals("/orders/" + placed.body().get("id").asText(), placed.headers().get("location"));
        HttpAnswer replay = http("CheckoutFunction", asShopper(file, "ric-checkout"));
        assertEquals(201, replay.status(), replay::toString);
        assertEquals("true", replay.headers().get("idempotent-replayed"));
        assertEquals(placed.body().get("id"), replay.body().get("id"));
    }

    /** An order placed through the functions themselves, for the order checks. */
    private static String orderOf(String userId) throws Exception {
        assertEquals(200, http("PutCartLineFunction", asShopper(eventFile("PutCartLineFunction"), userId)).status());
        HttpAnswer placed = http("CheckoutFunction", asShopper(eventFile("CheckoutFunction"), userId));
        assertEquals(201, placed.status(), placed::toString);
        return placed.body().get("id").asText();
    }

    private static void listOrders(String file) throws Exception {
        String order = orderOf("ric-orders-lister");
        HttpAnswer page = http("ListOrdersFunction", asShopper(file, "ric-orders-lister"));
        assertEquals(200, page.status(), page::toString);
        assertEquals(order, page.body().at("/items/0/id").asText());
        assertEquals(1, page.body().get("items").size());
    }

    private static void getOrder(String file) throws Exception {
        String order = orderOf("ric-orders-reader");
        HttpAnswer own = http("GetOrderFunction", pointedAt(asShopper(file, "ric-orders-reader"), "/pathParameters/id", order));
        assertEquals(200, own.status(), own::toString);
        assertEquals(order, own.body().get("id").asText());
        HttpAnswer others = http("GetOrderFunction", pointedAt(asShopper(file, "ric-someone-else"), "/pathParameters/id", order));
        assertEquals(404, others.status(), "another shopper's order is not there: " + others);
    }

    private static void cancelOrder(String file) throws Exception {
        String order = orderOf("ric-orders-canceller");
        HttpAnswer cancelled = http("CancelOrderFunction",
                pointedAt(asShopper(file, "ric-orders-canceller"), "/pathParameters/id", order));
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.body().get("status").asText());
    }

    /** A code made through CreatePromotionFunction from its events/ file, under another name. */
    private static void promotionNamed(String code) throws Exception {
        String create = eventFile("CreatePromotionFunction");
        HttpAnswer created = http("CreatePromotionFunction", pointed(create, body(create).get("code").asText(), code));
        assertEquals(201, created.status(), created::toString);
    }

    private static void createPromotion(String file) throws Exception {
        HttpAnswer created = http("CreatePromotionFunction", file);
        assertEquals(201, created.status(), created::toString);
        assertEquals("/admin/promotions/" + body(file).get("code").asText(), created.headers().get("location"));
        assertEquals(409, http("CreatePromotionFunction", file).status(), "a code exists once");
    }

    private static void listPromotions(String file) throws Exception {
        promotionNamed("RIC-LISTED");
        HttpAnswer page = http("ListPromotionsFunction", file);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().get("items").toString().contains("RIC-LISTED"), page::toString);
    }

    private static void getPromotion(String file) throws Exception {
        promotionNamed("RIC-READ");
        HttpAnswer one = http("GetPromotionFunction", pointedAt(file, "/pathParameters/code", "RIC-READ"));
        assertEquals(200, one.status(), one::toString);
        assertEquals("RIC-READ", one.body().get("code").asText());
    }

    private static void deactivatePromotion(String file) throws Exception {
        promotionNamed("RIC-OFF");
        HttpAnswer off = http("DeactivatePromotionFunction", pointedAt(file, "/pathParameters/code", "RIC-OFF"));
        assertEquals(200, off.status(), off::toString);
        assertFalse(off.body().get("active").asBoolean());
    }

    private static void announceOrders(String file) throws Exception {
        // The stream's event, read by the function's own package: the inserted order and its payment go out.
        JsonNode result = json(success("AnnounceOrdersFunction", file));
        assertEquals(0, result.get("batchItemFailures").size(), result::toString);
    }

    private static void payOrders(String file) throws Exception {
        // An SQS event, read as a map by a package without Joda-Time: the order it names is paid, an unknown one reported.
        String order = orderOf("ric-payer");
        JsonNode paid = json(success("PayOrdersFunction", pointed(file, "6a1f0c3e-sample-paid-order", order)));
        assertEquals(0, paid.get("batchItemFailures").size(), paid::toString);
        JsonNode poison = json(success("PayOrdersFunction", file));
        assertEquals("9d5c2a71-sample-pay-message", poison.at("/batchItemFailures/0/itemIdentifier").asText(), poison::toString);
    }

    private static void expireOrders(String file) throws Exception {
        JsonNode result = json(success("ExpireOrdersFunction", file));
        assertEquals(0, result.get("expired").asInt(), "nothing here has waited 30 minutes: " + result);
    }

    private static void adminListOrders(String file) throws Exception {
        String order = orderOf("ric-admin-listed");
        HttpAnswer page = http("AdminListOrdersFunction", pointed(file, "limit=20", "limit=100").replace("\"20\"", "\"100\""));
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().get("items").toString().contains(order), "a pending order is in the admin's view");
    }

    private static void adminGetOrder(String file) throws Exception {
        String order = orderOf("ric-admin-read");
        HttpAnswer one = http("AdminGetOrderFunction", pointedAt(file, "/pathParameters/id", order));
        assertEquals(200, one.status(), one::toString);
        assertEquals("ric-admin-read", one.body().get("userId").asText());
    }

    private static void adminCancelOrder(String file) throws Exception {
        String order = orderOf("ric-admin-cancelled");
        HttpAnswer cancelled = http("AdminCancelOrderFunction", pointedAt(file, "/pathParameters/id", order));
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.body().get("status").asText());
    }

    private static void paymentSimulator(String file) throws Exception {
        // A plain map in and out: the switches as the file sets them, and the ledger's counts.
        JsonNode answer = json(success("PaymentSimulatorFunction", file));
        assertFalse(answer.get("outage").asBoolean(), answer::toString);
        assertEquals(0, answer.at("/ledger/doubleCharges").asInt(), answer::toString);
    }

    // ---------------------------------------------------------------- fulfilment

    private static void fulfilOrders(String file) throws Exception {
        // A paid order (paid by the payment job's own package) is handed to the simulated partner.
        String order = orderOf("ric-fulfilled");
        JsonNode paid = json(success("PayOrdersFunction", pointed(eventFile("PayOrdersFunction"),
                "6a1f0c3e-sample-paid-order", order)));
        assertEquals(0, paid.get("batchItemFailures").size(), paid::toString);
        JsonNode handed = json(success("FulfilOrdersFunction", pointed(file, "4c2e8b1a-sample-shipped-order", order)));
        assertEquals(0, handed.get("batchItemFailures").size(), handed::toString);
    }

    private static void shippingWebhook(String file) throws Exception {
        // The sample's signature is not this stack's secret's: refused before anything is read.
        HttpAnswer refused = http("ShippingWebhookFunction", file);
        assertEquals(401, refused.status(), refused::toString);
        assertEquals("urn:kiosk:problem:webhook-signature-refused", refused.body().get("type").asText());
    }

    private static void partnerCallbacks(String file) throws Exception {
        // The sample names a shipment this simulator never booked: poison, reported, nothing sent.
        JsonNode result = json(success("PartnerCallbacksFunction", file));
        assertEquals("8a3c9e41-sample-callback-message", result.at("/batchItemFailures/0/itemIdentifier").asText(),
                result::toString);
    }

    private static void shippingSimulator(String file) throws Exception {
        JsonNode answer = json(success("ShippingSimulatorFunction", file));
        assertFalse(answer.get("outage").asBoolean(), answer::toString);
        assertEquals(2, answer.get("shipAfterSeconds").asInt(), answer::toString);
    }

    // ---------------------------------------------------------------- notifications and reports

    private static void notifyShopper(String file) throws Exception {
        // The sample's order does not exist here: poison. A real paid order is written to the inbox.
        JsonNode poison = json(success("NotifyFunction", file));
        assertEquals("5e8d1b2a-sample-notify-message", poison.at("/batchItemFailures/0/itemIdentifier").asText(),
                poison::toString);
        String order = orderOf("ric-notified");
        JsonNode told = json(success("NotifyFunction", pointed(pointed(file, "3e9a5c1d-sample-notified-order", order),
                "7d0f3c52-sample-shopper", "ric-notified")));
        assertEquals(0, told.get("batchItemFailures").size(), told::toString);
        HttpAnswer inbox = http("ListNotificationsFunction", asShopper(eventFile("ListNotificationsFunction"), "ric-notified"));
        assertEquals(200, inbox.status(), inbox::toString);
        assertEquals("ORDER_CONFIRMED", inbox.body().at("/items/0/type").asText(), inbox::toString);
    }

    private static void listNotifications(String file) throws Exception {
        HttpAnswer page = http("ListNotificationsFunction", file);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().get("items").isArray(), page::toString);
    }

    private static void readNotification(String file) throws Exception {
        // Nothing with the sample's id belongs to the sample's shopper here.
        HttpAnswer unknown = http("ReadNotificationFunction", file);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("application/problem+json", unknown.headers().get("content-type"));
    }

    private static void dailyReport(String file) throws Exception {
        JsonNode report = json(success("DailyReportFunction", file));
        assertTrue(report.hasNonNull("date"), report::toString);
    }

    private static void getDailyReport(String file) throws Exception {
        HttpAnswer answer = http("GetDailyReportFunction", file);
        assertTrue(answer.status() == 200 || answer.status() == 404, answer::toString);
    }

    private static void listDailyReports(String file) throws Exception {
        HttpAnswer answer = http("ListDailyReportsFunction", file);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.body().get("items").isArray(), answer::toString);
    }

    // ---------------------------------------------------------------- helpers

    private static String accessToken(String loginEvent) throws Exception {
        return session(loginEvent).get("accessToken").asText();
    }

    private static String refreshToken(String loginEvent) throws Exception {
        return session(loginEvent).get("refreshToken").asText();
    }

    private static JsonNode session(String loginEvent) throws Exception {
        HttpAnswer session = http("LoginFunction", loginEvent);
        assertEquals(200, session.status(), session::toString);
        return session.body();
    }

    private static String created(String createEvent) throws Exception {
        HttpAnswer created = http("CreateProductFunction", createEvent);
        assertEquals(201, created.status(), created::toString);
        return created.body().get("id").asText();
    }

    private static String withToken(String authorizerEvent, String token) throws Exception {
        String sample = JSON.readTree(authorizerEvent).at("/headers/authorization").asText();
        return pointed(authorizerEvent, sample.substring("Bearer ".length()), token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decision(String id, String event) throws Exception {
        return JSON.readValue(success(id, event), Map.class);
    }

    private static HttpAnswer http(String id, String event) throws Exception {
        JsonNode response = json(success(id, event));
        Map<String, String> headers = new HashMap<>();
        response.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        String body = response.path("body").asText("");
        return new HttpAnswer(response.get("statusCode").asInt(), headers, body.isEmpty() ? JSON.missingNode() : JSON.readTree(body));
    }

    /** The function's answer, which must not be an error: a Kiosk handler answers its own failures. */
    private static String success(String id, String event) {
        ExecutionEnvironment function = FUNCTIONS.get(id);
        Answer answer = function.invoke(event);
        Answer.Success success = assertInstanceOf(Answer.Success.class, answer, () -> id + " answered " + answer + "\n" + function.log());
        return success.payload();
    }

    /** The file with every occurrence of a sample's value replaced by the real one. */
    private static String pointed(String file, String sample, String real) {
        assertTrue(!sample.isEmpty() && file.contains(sample), "the file has no " + sample);
        return file.replace(sample, real);
    }

    private static String pointedAt(String file, String pointer, String real) throws Exception {
        return pointed(file, JSON.readTree(file).at(pointer).asText(), real);
    }

    private static JsonNode body(String event) throws IOException {
        return JSON.readTree(JSON.readTree(event).get("body").asText());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static String eventFile(String id) throws IOException {
        return Files.readString(events.resolve(id + ".json"));
    }

    /** Lambda's runtime and init type for a function, from the template (its own setting, or Globals'). */
    private static ExecutionEnvironment.Launch launch(Template template, String id) {
        Map<String, Object> globals = template.functionGlobals();
        Map<String, Object> properties = template.resources("AWS::Serverless::Function").get(id);
        Object runtime = properties.getOrDefault("Runtime", globals.get("Runtime"));
        Object snapStart = properties.getOrDefault("SnapStart", globals.get("SnapStart"));
        return new ExecutionEnvironment.Launch(String.valueOf(runtime),
                snapStart instanceof Map<?, ?> settings && "PublishedVersions".equals(settings.get("ApplyOn")));
    }

    /** The probe package as a function of its own, with the environment Lambda gives any function. */
    private static ExecutionEnvironment probe(boolean withJodaTime) throws IOException {
        String id = "Probe" + (withJodaTime ? "WithJoda" : "WithoutJoda") + "Function";
        Path code = SqsConsumerPackage.build(work.resolve(id), withJodaTime);
        FunctionConfiguration function = new FunctionConfiguration(id, "arn:aws:lambda:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT
                + ":function:" + id, code, SqsConsumerPackage.HANDLER, Duration.ofSeconds(10), 512, Map.of(),
                Map.of("AWS_REGION", LocalAws.REGION, "AWS_LAMBDA_FUNCTION_NAME", id, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                        "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"));
        String runtime = String.valueOf(Template.project().functionGlobals().get("Runtime"));
        return ExecutionEnvironment.start(function, code, new ExecutionEnvironment.Launch(runtime, false), work);
    }
}
