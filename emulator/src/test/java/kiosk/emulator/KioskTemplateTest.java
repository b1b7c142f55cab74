package kiosk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Kiosk's own template.yaml promises about production: read as CloudFormation reads it. */
class KioskTemplateTest {

    private final Template template = Template.project();

    private Map<String, Object> resource(String id) {
        return Template.cast((Map<?, ?>) template.section("Resources").get(id));
    }

    @Test
    void everyStatefulResourceSaysWhatHappensToItsDataOnDeleteAndReplace() {
        Set<String> stateful = Set.of("AWS::DynamoDB::Table", "AWS::SecretsManager::Secret", "AWS::SQS::Queue",
                "AWS::S3::Bucket");
        int checked = 0;
        for (Map.Entry<String, Object> entry : template.section("Resources").entrySet()) {
            Map<String, Object> resource = Template.cast((Map<?, ?>) entry.getValue());
            if (stateful.contains(resource.get("Type"))) {
                assertNotNull(resource.get("DeletionPolicy"), entry.getKey() + " has no DeletionPolicy");
                assertNotNull(resource.get("UpdateReplacePolicy"), entry.getKey() + " has no UpdateReplacePolicy");
                checked++;
            }
        }
        assertTrue(checked >= 5, "tables and secrets: " + checked);
    }

    @Test
    void theApiUrlOutputHasNoTrailingSlash() {
        Map<String, Object> apiUrl = Template.cast((Map<?, ?>) template.section("Outputs").get("ApiUrl"));
        String value = String.valueOf(apiUrl.get("Value"));
        assertFalse(value.replaceAll("[}\\]]+$", "").endsWith("/"), value);
    }

    @Test
    void theArgon2RoutesAreThrottledTighterAndTheirFunctionsHaveReservedConcurrency() {
        Map<String, Object> api = template.resources("AWS::Serverless::HttpApi").get("HttpApi");
        Map<String, Object> defaults = Template.cast((Map<?, ?>) api.get("DefaultRouteSettings"));
        Map<String, Object> routes = Template.cast((Map<?, ?>) api.get("RouteSettings"));
        for (String route : List.of("POST /auth/login", "POST /auth/signup")) {
            Map<String, Object> settings = Template.cast((Map<?, ?>) routes.get(route));
            assertTrue(((Number) settings.get("ThrottlingRateLimit")).doubleValue()
                    < ((Number) defaults.get("ThrottlingRateLimit")).doubleValue() / 5, route);
            assertTrue(((Number) settings.get("ThrottlingBurstLimit")).intValue()
                    < ((Number) defaults.get("ThrottlingBurstLimit")).intValue() / 5, route);
        }
        Map<String, Map<String, Object>> functions = template.resources("AWS::Serverless::Function");
        for (String id : List.of("LoginFunction", "SignupFunction")) {
            assertTrue(functions.get(id).get("ReservedConcurrentExecutions") instanceof Number, id);
            Map<String, Object> variables = Template.cast((Map<?, ?>) Template.cast(
                    (Map<?, ?>) functions.get(id).get("Environment")).get("Variables"));
            assertFalse(String.valueOf(variables.get("JAVA_TOOL_OPTIONS")).contains("TieredStopAtLevel=1"),
                    id + ": Argon2id runs 2-3x slower warm under C1 only");
        }
    }

    /**
     * Lambda runs Java C1-only by default; the Argon2 functions' JAVA_TOOL_OPTIONS must win over
     * that default however it arrives before them, which a real JVM is asked: its final flags.
     */
    @Test
    void theArgon2FunctionsRunBothCompilersEvenAfterLambdasC1Default() throws Exception {
        Map<String, Map<String, Object>> functions = template.resources("AWS::Serverless::Function");
        Map<String, Object> globals = Template.cast((Map<?, ?>) Template.cast((Map<?, ?>) Template.cast(
                (Map<?, ?>) template.section("Globals").get("Function")).get("Environment")).get("Variables"));
        String lambdaDefault = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
        assertEquals(lambdaDefault, globals.get("JAVA_TOOL_OPTIONS"), "every other function keeps C1 only");
        for (String id : List.of("LoginFunction", "SignupFunction")) {
            Map<String, Object> variables = Template.cast((Map<?, ?>) Template.cast(
                    (Map<?, ?>) functions.get(id).get("Environment")).get("Variables"));
            String options = lambdaDefault + " " + variables.get("JAVA_TOOL_OPTIONS");
            ProcessBuilder withOptions = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true);
            withOptions.environment().put("JAVA_TOOL_OPTIONS", options);
            Process resolved = withOptions.start();
            String flags = new String(resolved.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, resolved.waitFor(), flags);
            assertTrue(flags.lines().anyMatch(l -> l.matches("\\s*intx TieredStopAtLevel\\s+= 4\\s.*")),
                    id + " with JAVA_TOOL_OPTIONS=" + options + ":\n" + flags.lines()
                            .filter(l -> l.contains("Tiered")).toList());
        }
    }

    @Test
    void loginMayUpdateOnlyTheAttributesItWritesNeverRoles() {
        Map<String, Object> login = template.resources("AWS::Serverless::Function").get("LoginFunction");
        String policies = String.valueOf(login.get("Policies"));
        assertTrue(policies.contains("dynamodb:Attributes=[pk, passwordHash, version, failures, lockedUntil, expiresAt]"),
                policies);
        assertFalse(policies.contains("roles"));
    }

    @Test
    void noFunctionGetsTheCursorKeyThroughItsEnvironment() {
        template.resources("AWS::Serverless::Function").forEach((id, function) ->
                assertFalse(String.valueOf(function.get("Environment")).contains("resolve:secretsmanager"), id));
    }

    @Test
    void everyFunctionLogsToADeclaredGroupWhoseLogsExpireAndHasErrorAndThrottleAlarms() {
        Map<String, Object> resources = template.section("Resources");
        int functions = 0;
        for (Map.Entry<String, Map<String, Object>> function : template.resources("AWS::Serverless::Function").entrySet()) {
            String id = function.getKey();
            Map<?, ?> logging = (Map<?, ?>) function.getValue().get("LoggingConfig");
            assertNotNull(logging, id + " names no log group");
            String group = String.valueOf(((Map<?, ?>) logging.get("LogGroup")).get("Ref"));
            Map<String, Object> logGroup = resource(group);
            assertEquals("AWS::Logs::LogGroup", logGroup.get("Type"), id + "'s log group " + group);
            assertEquals(Map.of("Ref", "LogRetentionDays"), Template.cast((Map<?, ?>) logGroup.get("Properties")).get("RetentionInDays"),
                    group + " keeps its logs LogRetentionDays");
            for (String metric : List.of("Errors", "Throttles")) {
                Map<String, Object> alarm = resource(id + metric + "Alarm");
                Map<String, Object> properties = Template.cast((Map<?, ?>) alarm.get("Properties"));
                assertEquals(metric, properties.get("MetricName"), id + metric + "Alarm");
                assertEquals(List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", id))), properties.get("Dimensions"));
                assertNotNull(properties.get("AlarmActions"), id + metric + "Alarm notifies AlarmTopicArn");
            }
            functions++;
        }
        assertTrue(functions >= 44, "every function: " + functions);
        assertTrue(resources.containsKey("Api5xxRateAlarm") && resources.containsKey("CheckoutLatencyAlarm")
                && resources.containsKey("Dashboard"), "the API's alarms and the dashboard");
    }

    @Test
    void theApiWritesJsonAccessLogsThatSayWhoWhatHowLongAndWhyItFailed() throws Exception {
        Map<String, Object> api = Template.cast((Map<?, ?>) resource("HttpApi").get("Properties"));
        Map<?, ?> access = (Map<?, ?>) api.get("AccessLogSettings");
        var format = new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(access.get("Format")));
        for (String field : List.of("requestId", "ip", "routeKey", "status", "latency", "authorizerError", "integrationError")) {
            assertTrue(format.has(field), "access logs carry " + field + ": " + format);
        }
        assertEquals(Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")), access.get("DestinationArn"));
    }
}
