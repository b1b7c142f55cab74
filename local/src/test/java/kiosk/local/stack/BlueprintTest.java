package kiosk.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kiosk.emulator.Template;
import kiosk.local.stack.Blueprint.Route;
import kiosk.local.stack.Blueprint.Throttle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runtime reads of an HttpApi's throttling settings, from Kiosk's template and small ones. */
class BlueprintTest {

    @TempDir
    Path folder;

    private static Blueprint read(Template template) {
        return new Blueprint(template, value -> value);
    }

    private Blueprint read(String api) throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                %s
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handle
                      Events:
                        Get:
                          Type: HttpApi
                          Properties:
                            Path: /things
                            Method: GET
                        Post:
                          Type: HttpApi
                          Properties:
                            Path: /things
                            Method: POST
                """.formatted(api.indent(6)));
        return read(Template.load(file));
    }

    private static Route route(Blueprint blueprint, String key) {
        return blueprint.routes().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void kiosksArgon2RoutesGetTheirOwnThrottleAndTheRestTheStagesDefault() {
        Blueprint kiosk = read(Template.load(Template.projectRoot().resolve("template.yaml")));
        assertEquals(new Throttle(20, 10), kiosk.throttle(route(kiosk, "POST /auth/login")));
        assertEquals(new Throttle(10, 2), kiosk.throttle(route(kiosk, "POST /auth/signup")));
        assertEquals(new Throttle(50, 25), kiosk.throttle(route(kiosk, "POST /auth/refresh")));
        assertEquals(new Throttle(200, 100), kiosk.throttle(route(kiosk, "GET /products")));
        assertTrue(kiosk.ignored().stream().noneMatch(i -> i.contains("RouteSettings")), kiosk.ignored().toString());
    }

    @Test
    void aRoutesSettingsOverrideTheDefaultFieldByField() throws IOException {
        Blueprint blueprint = read("""
                DefaultRouteSettings:
                  ThrottlingBurstLimit: 40
                  ThrottlingRateLimit: 20
                RouteSettings:
                  POST /things:
                    ThrottlingRateLimit: 0.5
                """);
        assertEquals(new Throttle(40, 0.5), blueprint.throttle(route(blueprint, "POST /things")));
        assertEquals(new Throttle(40, 20), blueprint.throttle(route(blueprint, "GET /things")));
    }

    @Test
    void withoutSettingsTheAccountsQuotaApplies() throws IOException {
        Blueprint blueprint = read("StageName: $default");
        assertEquals(Throttle.ACCOUNT, blueprint.throttle(route(blueprint, "GET /things")));
        Blueprint above = read("""
                DefaultRouteSettings:
                  ThrottlingBurstLimit: 99999
                """);
        assertEquals(new Throttle(5000, 10_000), above.throttle(route(above, "GET /things")),
                "no stage exceeds the account's quota");
    }

    @Test
    void settingsForARouteThatDoesNotExistAreReportedAndNegativeLimitsRefused() throws IOException {
        Blueprint typo = read("""
                RouteSettings:
                  POST /thing:
                    ThrottlingBurstLimit: 1
                """);
        assertTrue(typo.ignored().contains("RouteSettings for POST /thing: no such route (CloudFormation would refuse it)"),
                typo.ignored().toString());
        assertThrows(IllegalArgumentException.class, () -> read("""
                DefaultRouteSettings:
                  ThrottlingRateLimit: -1
                """));
    }
}
