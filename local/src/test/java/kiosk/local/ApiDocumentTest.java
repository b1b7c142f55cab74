package kiosk.local;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kiosk.emulator.Template;
import kiosk.local.stack.Blueprint;
import org.junit.jupiter.api.Test;

/**
 * api/openapi.yaml is a valid OpenAPI 3.1 document and describes exactly template.yaml's HTTP
 * API: the same routes, each with the access its authorizer gives it and the operationId of its
 * function. Each test lists every mismatch it finds, not the first.
 */
class ApiDocumentTest {

    private static final Path ROOT = Template.projectRoot();
    private static final Path DOCUMENT = ROOT.resolve("api").resolve("openapi.yaml");

    /** The security requirements each of the template's authorizers stands for in the document. */
    private static final Map<String, List<Map<String, List<String>>>> ACCESS = Map.of(
            "SignedIn", List.of(Map.of("bearer", List.of())),
            "Admin", List.of(Map.of("bearer", List.of("admin"))));

    private static SwaggerParseResult parse(Path document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readLocation(document.toString(), null, options);
    }

    private static OpenAPI document() {
        SwaggerParseResult result = parse(DOCUMENT);
        assertNotNull(result.getOpenAPI(), () -> DOCUMENT + " does not parse: " + result.getMessages());
        return result.getOpenAPI();
    }

    private static Map<String, Blueprint.Route> templateRoutes() {
        Map<String, Blueprint.Route> routes = new TreeMap<>();
        new Blueprint(Template.load(ROOT.resolve("template.yaml")), value -> value).routes()
                .forEach(route -> routes.put(route.key(), route));
        return routes;
    }

    /** Each operation of the document by its route key, {@code "GET /products/{id}"}. */
    private static Map<String, Operation> operations(OpenAPI document) {
        Map<String, Operation> operations = new TreeMap<>();
        if (document.getPaths() != null) {
            document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    operations.put(method.name().toUpperCase(Locale.ROOT) + " " + path, operation)));
        }
        return operations;
    }

    private static void assertNone(List<String> mismatches, String what) {
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " " + what + ":\n  " + String.join("\n  ", mismatches));
    }

    @Test
    void theDocumentIsValidOpenApi31WithEveryReferenceResolved() {
        SwaggerParseResult result = parse(DOCUMENT);
        assertNotNull(result.getOpenAPI(), () -> DOCUMENT + " does not parse: " + result.getMessages());
        assertTrue(result.isOpenapi31(), () -> "OpenAPI 3.1, not " + result.getOpenAPI().getOpenapi());
        assertNone(result.getMessages() == null ? List.of() : result.getMessages(), "parser messages");
    }

    @Test
    void theDocumentHasEveryRouteOfTheTemplateAndNoOther() {
        Set<String> template = templateRoutes().keySet();
        Set<String> documented = operations(document()).keySet();
        List<String> mismatches = new ArrayList<>();
        template.stream().filter(route -> !documented.contains(route))
                .forEach(route -> mismatches.add(route + ": in template.yaml, not in the document"));
        documented.stream().filter(route -> !template.contains(route))
                .forEach(route -> mismatches.add(route + ": in the document, not in template.yaml"));
        assertNone(mismatches, "routes differ");
    }

    @Test
    void eachOperationHasTheAccessOfItsRoutesAuthorizer() {
        OpenAPI document = document();
        Map<String, Operation> operations = operations(document);
        List<String> mismatches = new ArrayList<>();
        templateRoutes().forEach((key, route) -> {
            Operation operation = operations.get(key);
            if (operation == null) {
                return;
            }
            List<SecurityRequirement> declared = operation.getSecurity() != null ? operation.getSecurity()
                    : document.getSecurity() != null ? document.getSecurity() : List.of();
            List<Map<String, List<String>>> effective = declared.stream()
                    .<Map<String, List<String>>>map(LinkedHashMap::new).toList();
            String authorizer = route.authorizer();
            if (authorizer == null) {
                if (effective.stream().anyMatch(requirement -> requirement.containsKey("bearer"))) {
                    mismatches.add(key + ": public in template.yaml (Authorizer NONE), but the document asks for " + effective
                            + (operation.getSecurity() == null ? " (the top-level security: give it security: [])" : ""));
                }
            } else if (!ACCESS.containsKey(authorizer)) {
                mismatches.add(key + ": authorizer " + authorizer + " has no security requirement this test knows");
            } else if (!ACCESS.get(authorizer).equals(effective)) {
                mismatches.add(key + ": " + authorizer + " in template.yaml, so security " + ACCESS.get(authorizer)
                        + ", but the document has " + effective + (operation.getSecurity() == null ? " (top-level)" : ""));
            }
        });
        assertNone(mismatches, "operations whose access differs from template.yaml");
    }

    @Test
    void eachOperationIdIsItsFunctionsLogicalIdWithoutFunction() {
        Map<String, Operation> operations = operations(document());
        List<String> mismatches = new ArrayList<>();
        templateRoutes().forEach((key, route) -> {
            Operation operation = operations.get(key);
            String expected = route.functionId().replaceFirst("Function$", "");
            if (operation != null && !expected.equals(operation.getOperationId())) {
                mismatches.add(key + ": operationId " + operation.getOperationId() + ", expected " + expected
                        + " (" + route.functionId() + ")");
            }
        });
        assertNone(mismatches, "operationIds differ from their functions' logical ids");
    }
}
